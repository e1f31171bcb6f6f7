using Hospital.API.Infrastructure;
using Platform.Testing;

namespace Hospital.Tests;

public sealed class HospitalServiceFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public ServiceFactory<HospitalDbContext> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("hospital");
        VirtualHost = await TestVirtualHost.CreateAsync("hospital");
        Service = ServiceFactory<HospitalDbContext>.Create("hospitaldb", Database, VirtualHost.AmqpUri, DemoData.Settings);
        _ = Service.Server; // start now: migrations and seeding run before the first request
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}

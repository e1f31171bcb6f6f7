using Hospital.API.Infrastructure;
using Notification.API.Infrastructure;
using Platform.Testing;

namespace Messaging.Tests;

/// <summary>Hospital (producer) and Notification (consumer), each with its own database, on a broker of this
/// test class's own so the broker can be stopped and started.</summary>
public sealed class BackboneFixture : IAsyncLifetime
{
    public PrivateBroker Broker { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public TestDatabase HospitalDb { get; private set; } = null!;
    public TestDatabase NotificationDb { get; private set; } = null!;
    public ServiceFactory<HospitalDbContext> Hospital { get; private set; } = null!;
    public ServiceFactory<NotificationDbContext> Notification { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await PrivateBroker.StartAsync();
        VirtualHost = await TestVirtualHost.CreateAsync("backbone", Broker.ManagementUrl, Broker.AmqpBaseUri);
        HospitalDb = await TestDatabase.CreateAsync("hospital");
        NotificationDb = await TestDatabase.CreateAsync("notification");
        Hospital = ServiceFactory<HospitalDbContext>.Create("hospitaldb", HospitalDb, VirtualHost.AmqpUri,
            new Dictionary<string, string> { ["Hospital:SeedDemoDepartments"] = "true" });
        Notification = ServiceFactory<NotificationDbContext>.Create("notificationdb", NotificationDb, VirtualHost.AmqpUri,
            TestKeys.Security("notification"));
        _ = Notification.Server;
        _ = Hospital.Server;
    }

    public async Task DisposeAsync()
    {
        await Hospital.DisposeAsync();
        await Notification.DisposeAsync();
        await HospitalDb.DisposeAsync();
        await NotificationDb.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

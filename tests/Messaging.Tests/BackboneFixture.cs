using Hospital.API.Infrastructure;
using Notification.API.Infrastructure;
using Platform.Testing;

namespace Messaging.Tests;

/// <summary>Hospital (producer) and Notification (consumer), each with its own database, on a virtual host of the
/// test class's own.</summary>
public abstract class BackboneFixture : IAsyncLifetime
{
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public TestDatabase HospitalDb { get; private set; } = null!;
    public TestDatabase NotificationDb { get; private set; } = null!;
    public ServiceFactory<HospitalDbContext> Hospital { get; private set; } = null!;
    public ServiceFactory<NotificationDbContext> Notification { get; private set; } = null!;
    public abstract string ManagementUrl { get; }

    protected abstract Task<TestVirtualHost> CreateVirtualHostAsync();

    public virtual async Task InitializeAsync()
    {
        VirtualHost = await CreateVirtualHostAsync();
        HospitalDb = await TestDatabase.CreateAsync("hospital");
        NotificationDb = await TestDatabase.CreateAsync("notification");
        Hospital = ServiceFactory<HospitalDbContext>.Create("hospitaldb", HospitalDb, VirtualHost.AmqpUri,
            new Dictionary<string, string> { ["Hospital:SeedDemoDepartments"] = "true" });
        Notification = ServiceFactory<NotificationDbContext>.Create("notificationdb", NotificationDb, VirtualHost.AmqpUri,
            TestKeys.Security("notification"));
        _ = Notification.Server;
        _ = Hospital.Server;
    }

    public virtual async Task DisposeAsync()
    {
        await Hospital.DisposeAsync();
        await Notification.DisposeAsync();
        await HospitalDb.DisposeAsync();
        await NotificationDb.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }
}

/// <summary>On the running stack's broker: for tests that leave the broker alone (it boots in no time).</summary>
public sealed class StackBackboneFixture : BackboneFixture
{
    public override string ManagementUrl => TestEnvironment.RabbitManagement;

    protected override Task<TestVirtualHost> CreateVirtualHostAsync() => TestVirtualHost.CreateAsync("backbone");
}

/// <summary>On a broker of the class's own, so a test can stop and start it.</summary>
public sealed class PrivateBrokerBackboneFixture : BackboneFixture
{
    public PrivateBroker Broker { get; private set; } = null!;

    public override string ManagementUrl => Broker.ManagementUrl;

    protected override async Task<TestVirtualHost> CreateVirtualHostAsync()
    {
        Broker = await PrivateBroker.StartAsync();
        return await TestVirtualHost.CreateAsync("backbone", Broker.ManagementUrl, Broker.AmqpBaseUri);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

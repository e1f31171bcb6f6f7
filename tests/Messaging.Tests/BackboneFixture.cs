using Hospital.API.Infrastructure;
using Notification.API.Infrastructure;
using Platform.Testing;

namespace Messaging.Tests;

/// <summary>Hospital (producer) and Notification (consumer), each with its own database, on a broker address of the
/// test class's own.</summary>
public abstract class BackboneFixture : IAsyncLifetime
{
    public string AmqpUri { get; private set; } = null!;
    public TestDatabase HospitalDb { get; private set; } = null!;
    public TestDatabase NotificationDb { get; private set; } = null!;
    public ServiceFactory<HospitalDbContext> Hospital { get; private set; } = null!;
    public ServiceFactory<NotificationDbContext> Notification { get; private set; } = null!;
    /// <summary>The AMQP address of a virtual host nobody else uses.</summary>
    protected abstract Task<string> ConnectAsync();

    public virtual async Task InitializeAsync()
    {
        AmqpUri = await ConnectAsync();
        HospitalDb = await TestDatabase.CreateAsync("hospital");
        NotificationDb = await TestDatabase.CreateAsync("notification");
        Hospital = ServiceFactory<HospitalDbContext>.Create("hospitaldb", HospitalDb, AmqpUri,
            new Dictionary<string, string> { ["Hospital:SeedDemoDepartments"] = "true" });
        Notification = ServiceFactory<NotificationDbContext>.Create("notificationdb", NotificationDb, AmqpUri,
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
    }
}

/// <summary>On the running stack's broker: for tests that leave the broker alone (it boots in no time).</summary>
public sealed class StackBackboneFixture : BackboneFixture
{
    public TestVirtualHost VirtualHost { get; private set; } = null!;

    protected override async Task<string> ConnectAsync()
    {
        VirtualHost = await TestVirtualHost.CreateAsync("backbone");
        return VirtualHost.AmqpUri;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }
}

/// <summary>On a broker of the class's own (its default virtual host), so a test can stop and start it.</summary>
public sealed class PrivateBrokerBackboneFixture : BackboneFixture
{
    public PrivateBroker Broker { get; private set; } = null!;

    protected override async Task<string> ConnectAsync()
    {
        Broker = await PrivateBroker.StartAsync();
        return Broker.AmqpBaseUri;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

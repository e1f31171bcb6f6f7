using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using HisAdapter.API.Infrastructure;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Reports.API.Infrastructure;

namespace Reports.Tests;

/// <summary>The Reports service against the real chain behind it: the HIS simulator (its seed has 张三's year of records),
/// the HIS adapter (its own database, patients linked as registration would link them) and one RabbitMQ virtual host.</summary>
public sealed class ReportsFixture : IAsyncLifetime
{
    /// <summary>张三 (HIS pat-0151), the demo patient with the rising glucose, and another patient (pat-0001).</summary>
    public Guid ZhangSan { get; } = Guid.CreateVersion7();
    public Guid Other { get; } = Guid.CreateVersion7();
    public Guid ZhangSanAccount { get; } = Guid.CreateVersion7();
    public Guid FamilyAccount { get; } = Guid.CreateVersion7();
    public Guid OtherAccount { get; } = Guid.CreateVersion7();

    public SimulatorProcess His { get; private set; } = null!;
    public TestDatabase AdapterDatabase { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public IdentityStub Identity { get; } = new();
    public ServiceFactory<HisAdapterDbContext> Adapter { get; private set; } = null!;
    public ServiceFactory<ReportsDbContext> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        His = await SimulatorProcess.StartAsync("His", new Dictionary<string, string> { ["HIS_RETRY_BASE_MS"] = "50" },
            TimeSpan.FromSeconds(90));
        AdapterDatabase = await TestDatabase.CreateAsync("reports_his");
        Database = await TestDatabase.CreateAsync("reports");
        VirtualHost = await TestVirtualHost.CreateAsync("reports");
        var adapterPort = LoopbackPorts.Free();
        var adapterUrl = $"http://127.0.0.1:{adapterPort}";
        Adapter = ServiceFactory<HisAdapterDbContext>.Create("hisadapterdb", AdapterDatabase, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["His:BaseUrl"] = $"{His.BaseUrl}/fhir",
            ["His:TokenUrl"] = $"{His.BaseUrl}/auth/token",
            ["His:ClientId"] = "platform",
            ["His:ClientSecret"] = "platform-secret",
            ["His:CallbackBaseUrl"] = adapterUrl,
            ["His:SyncInterval"] = "01:00:00",
            ["His:SlotDays"] = "1",
        }.Concat(Identity.Settings).ToDictionary());
        Adapter.UseKestrel(adapterPort);
        Adapter.StartServer();
        await LinkAsync(ZhangSan, "pat-0151");
        await LinkAsync(Other, "pat-0001");

        Service = ServiceFactory<ReportsDbContext>.Create("reportsdb", Database, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["Endpoints:his"] = adapterUrl,
        }.Concat(Identity.Settings).ToDictionary());
        _ = Service.Server;
    }

    private async Task LinkAsync(Guid patientId, string hisPatientId)
    {
        await using var conn = new NpgsqlConnection(AdapterDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO patient_links (patient_id, his_patient_id, linked_at) VALUES (@p, @h, now())", conn);
        cmd.Parameters.AddWithValue("p", patientId);
        cmd.Parameters.AddWithValue("h", hisPatientId);
        await cmd.ExecuteNonQueryAsync();
    }

    public HttpClient Patient(Guid account, params Guid[] patients) =>
        Service.CreateClient(TestTokens.For(PlatformRoles.Patient, account.ToString(), "患者",
            claims: patients.Select(p => new Claim(PlatformClaims.PatientIds, p.ToString()))));

    public HttpClient Doctor(string? practitionerId, string name = "李明") =>
        Service.CreateClient(TestTokens.For(PlatformRoles.Doctor, Guid.NewGuid().ToString(), name,
            claims: practitionerId is null ? [] : [new Claim(PlatformClaims.PractitionerId, practitionerId)]));

    public HttpClient Staff(string name = "病案室王芳") => Service.CreateClient(TestTokens.For(PlatformRoles.Staff, Guid.NewGuid().ToString(), name));

    public HttpClient Anonymous() => Service.CreateClient();

    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    /// <summary>The adapter's own answer, with a service token: what the test compares against.</summary>
    public async Task<T> AdapterGetAsync<T>(string path)
    {
        using var client = Adapter.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(PlatformRoles.Integration));
        return (await client.GetFromJsonAsync<T>(path))!;
    }


    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Adapter.DisposeAsync();
        await His.DisposeAsync();
        await Identity.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await AdapterDatabase.DisposeAsync();
        await Database.DisposeAsync();
    }
}

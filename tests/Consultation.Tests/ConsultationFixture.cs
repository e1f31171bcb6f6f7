using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Consultation.API.Application;
using Consultation.API.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Consultation;
using Platform.Contracts.His;
using Platform.Contracts.Payment;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Patients;
using Platform.Testing;

namespace Consultation.Tests;

/// <summary>The Consultation service on a fresh database and virtual host. The HIS roster arrives as the HIS adapter
/// publishes it; the adapter's encounter read answers what a test put in <see cref="Encounters"/>; Identity's patient
/// look-up is the shared stub; what the service publishes is captured.</summary>
public class ConsultationFixture : IAsyncLifetime
{
    public const string Doctor = "prac-test-001";
    public const string OtherDoctor = "prac-test-002";
    public const string Department = "nk";
    public const string DepartmentName = "心血管内科";
    public const string TurnSecret = "turn-test-secret";
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public IdentityStub Identity { get; } = new();
    public ServiceFactory<ConsultationDbContext> Service { get; private set; } = null!;
    public AdjustableClock Clock { get; } = new();
    public ConcurrentDictionary<Guid, List<HisEncounter>> Encounters { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("consultation");
        VirtualHost = await TestVirtualHost.CreateAsync("consultation");
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(PaymentRequestedIntegrationEvent),
            typeof(PaymentWithdrawnIntegrationEvent), typeof(RefundRequestedIntegrationEvent), typeof(ConsultationChangedIntegrationEvent),
            typeof(ConsultationPaidIntegrationEvent), typeof(ConsultationEndedIntegrationEvent), typeof(EPrescriptionReleasedIntegrationEvent),
            typeof(ConsultationSignalIntegrationEvent), typeof(ConsultationNoteForHisIntegrationEvent));
        Service = new ConsultationFactory(Database, VirtualHost.AmqpUri, Identity, Clock, new FakeHisAdapter(Encounters));
        _ = Service.Server;
        await PublishAsync(new HisDepartmentSyncedIntegrationEvent(Department, DepartmentName, "本部", "门诊楼", "3F", "", "", "hs-nk", true));
        await PublishAsync(new HisPractitionerSyncedIntegrationEvent(Doctor, "王建国", "male", "主任医师", [Department], "高血压、冠心病", "",
            5000, "D001", true));
        await PublishAsync(new HisPractitionerSyncedIntegrationEvent(OtherDoctor, "李平", "female", "主治医师", [Department], "心律失常", "",
            3000, "D002", true));
        var anyone = PatientClient(Guid.NewGuid());
        await Eventually.Until(() => anyone.GetFromJsonAsync<List<DoctorDto>>("/api/consultation/doctors"),
            d => d!.Count == 2 && d.All(x => x.Departments.Count == 1), TimeSpan.FromSeconds(20), "doctors synced");
    }

    /// <summary>A new patient (本人, 36 years old) and the account acting for them.</summary>
    public (Guid Patient, HttpClient Client) NewPatient(int age = 36)
    {
        var patient = Guid.NewGuid();
        var account = Guid.NewGuid();
        Identity.Put(new PatientDetails(patient, account, "张三", "male", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-age).AddDays(-10)),
            "id-card", "110101199001011234", "13800000001"));
        return (patient, PatientClient(account, patient));
    }

    public HttpClient PatientClient(Guid accountId, params Guid[] patients) =>
        Service.CreateClient(TestTokens.For(PlatformRoles.Patient, accountId.ToString(), "患者",
            claims: patients.Select(p => new Claim(PlatformClaims.PatientIds, p.ToString()))));

    public HttpClient DoctorClient(string practitioner = Doctor) =>
        Service.CreateClient(TestTokens.For(PlatformRoles.Doctor, Guid.NewGuid().ToString(), "王建国", practitionerId: practitioner));

    public HttpClient PharmacistClient() => Service.CreateClient(TestTokens.For(PlatformRoles.Pharmacist, Guid.NewGuid().ToString(), "李药师"));

    public HttpClient Anonymous() => Service.CreateClient();


    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Published.DisposeAsync();
        await Identity.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class ConsultationFactory(
        TestDatabase database, string amqpUri, IdentityStub identity, AdjustableClock clock, FakeHisAdapter his)
        : ServiceFactory<ConsultationDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:consultationdb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = amqpUri,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["Endpoints:his"] = "http://his-adapter.test/",
            ["Consultation:DefaultTextFeeFen"] = "2000",
            ["Consultation:DefaultFollowUpFeeFen"] = "3000",
            ["Consultation:ExpiryInterval"] = "00:00:00.200",
            ["Consultation:Turn:StunUrls:0"] = "stun:127.0.0.1:3478",
            ["Consultation:Turn:TurnUrls:0"] = "turn:127.0.0.1:3478?transport=udp",
            ["Consultation:Turn:Secret"] = TurnSecret,
        }.Concat(identity.Settings).ToDictionary())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddHttpClient<HisRecords>().ConfigurePrimaryHttpMessageHandler(() => his);
            });
        }
    }

    /// <summary>The HIS adapter's <c>GET /api/his/patients/{id}/encounters</c> as it answers: 404 for a patient the HIS
    /// does not know, otherwise the visits with their diagnoses.</summary>
    private sealed class FakeHisAdapter(ConcurrentDictionary<Guid, List<HisEncounter>> encounters) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var parts = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (request.Headers.Authorization?.Scheme != "Bearer")
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
            if (parts is ["api", "his", "patients", var id, "encounters"] && Guid.TryParse(id, out var patientId)
                && encounters.TryGetValue(patientId, out var list))
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(list) });
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}

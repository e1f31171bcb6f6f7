using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Triage;
using Platform.Testing;
using Triage.API.Application;
using Triage.API.Infrastructure;

namespace Triage.Tests;

/// <summary>The Triage service on a fresh database and virtual host, reading departments from <see cref="HospitalStub"/>.
/// Ready once its knowledge base is seeded and the department list has arrived.</summary>
public sealed class TriageFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public HospitalStub Hospital { get; private set; } = null!;
    public EventCapture Published { get; private set; } = null!;
    public ServiceFactory<TriageDbContext> Service { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("triage");
        VirtualHost = await TestVirtualHost.CreateAsync("triage");
        Hospital = await HospitalStub.StartAsync();
        Published = await EventCapture.StartAsync(VirtualHost.AmqpUri, typeof(PreVisitScreeningRequestedIntegrationEvent));
        Service = ServiceFactory<TriageDbContext>.Create("triagedb", Database, VirtualHost.AmqpUri, new Dictionary<string, string>
        {
            ["Triage:HospitalBaseUrl"] = Hospital.BaseUrl,
            ["Triage:KnowledgeRefresh"] = "00:00:30",
        });
        Client = Service.CreateClient();
        await Eventually.Until(() => AssessAsync(new AssessmentRequest(40, "M", "胸部", "咳嗽", null)),
            a => a.Departments.All(d => d.DepartmentId is not null), TimeSpan.FromSeconds(60), "the hospital's departments loaded");
    }

    public async Task<AssessmentResponse> AssessAsync(AssessmentRequest request)
    {
        var response = await Client.PostAsJsonAsync("/api/triage/assessments", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AssessmentResponse>(JsonSerializerOptions.Web))!;
    }

    public Task<AssessmentResponse> AssessAsync(int? age, string? sex, string? bodyPart, string complaint, Dictionary<string, bool>? answers = null) =>
        AssessAsync(new AssessmentRequest(age, sex, bodyPart, complaint, answers));

    public Task PublishAsync<T>(T message) where T : class => TestBus.PublishAsync<T>(VirtualHost.AmqpUri, _ => { }, message);

    public HttpClient As(string role)
    {
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role));
        return client;
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Hospital.DisposeAsync();
        await Published.DisposeAsync();
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}

using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Fhir.Authentication;

namespace Fhir.Tests.Client;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddFhirClient_wires_firely_clients_that_share_one_token()
    {
        var tokens = 0;
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
        {
            app.MapPost("/auth/token", () => Results.Json(new { access_token = $"t{Interlocked.Increment(ref tokens)}", token_type = "bearer", expires_in = 3600 }));
            app.MapGet("/fhir/Patient/{id}", (HttpContext context, string id) => FakeFhirServer.Write(context, new Patient { Id = id }));
        });
        await using var services = ClientFactory.Services(server, o =>
            o.Authentication = new SmartBackendOptions { TokenEndpoint = new Uri(server.Root, "auth/token"), ClientId = "c", ClientSecret = "s" });

        var first = services.GetRequiredService<FhirClient>();
        var second = services.GetRequiredService<FhirClient>();
        await first.ReadAsync<Patient>("Patient/p1");
        await second.ReadAsync<Patient>("Patient/p2");

        Assert.NotSame(first, second);
        Assert.Equal(new Uri(server.Root, "fhir/"), first.Endpoint);
        Assert.IsType<SmartBackendTokenProvider>(services.GetRequiredService<IFhirAccessTokenProvider>());
        Assert.Equal(1, tokens);
        Assert.All(server.RequestsTo("/fhir/"), r => Assert.Equal("Bearer t1", r.Header("Authorization")));
    }

    [Fact]
    public void Without_authentication_no_token_is_requested()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        Platform.Fhir.FhirServiceCollectionExtensions.AddFhirClient(services, o => o.BaseAddress = new Uri("http://127.0.0.1:1/fhir/"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(NoAccessTokenProvider.Instance, provider.GetRequiredService<IFhirAccessTokenProvider>());
        Assert.NotNull(provider.GetRequiredService<FhirClient>());
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Fhir;
using Platform.Fhir.Authentication;
using Platform.Fhir.Client;
using Platform.Fhir.Resources;

namespace Fhir.Tests.Client;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddFhirClient_wires_a_working_client_with_a_shared_token_cache()
    {
        var tokens = 0;
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
        {
            app.MapPost("/auth/token", () => Results.Json(new { access_token = $"t{Interlocked.Increment(ref tokens)}", token_type = "bearer", expires_in = 3600 }));
            app.MapGet("/fhir/Patient/{id}", (HttpContext context, string id) => FakeFhirServer.Write(context, new Patient { Id = id }));
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhirClient(o =>
        {
            o.BaseAddress = new Uri(server.Root, "fhir");
            o.Authentication = new SmartBackendOptions { TokenEndpoint = new Uri(server.Root, "auth/token"), ClientId = "c", ClientSecret = "s" };
        });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<FhirClient>();
        var second = provider.GetRequiredService<FhirClient>();
        await first.ReadAsync<Patient>("p1");
        await second.ReadAsync<Patient>("p2");

        Assert.Equal(new Uri(server.Root, "fhir/"), first.BaseAddress);
        Assert.IsType<SmartBackendTokenProvider>(provider.GetRequiredService<IFhirAccessTokenProvider>());
        Assert.Equal(1, tokens);
        Assert.All(server.RequestsTo("/fhir/"), r => Assert.Equal("Bearer t1", r.Header("Authorization")));
    }

    [Fact]
    public void Without_authentication_no_token_is_requested()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhirClient(o => o.BaseAddress = new Uri("http://127.0.0.1:1/fhir/"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(NoAccessTokenProvider.Instance, provider.GetRequiredService<IFhirAccessTokenProvider>());
        Assert.NotNull(provider.GetRequiredService<FhirClient>());
    }
}

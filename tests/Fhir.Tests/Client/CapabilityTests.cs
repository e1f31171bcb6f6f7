using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Fhir.Client;

namespace Fhir.Tests.Client;

public class CapabilityTests
{
    private static async Task<(FakeFhirServer Server, ServiceProvider Services)> ServerWith(CapabilityStatement capabilities)
    {
        var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/metadata", (HttpContext context) => FakeFhirServer.Write(context, capabilities)));
        var services = ClientFactory.Services(server, o =>
        {
            o.RequiredInteractions["Patient"] = ["read", "search-type", "create"];
            o.RequiredInteractions["Slot"] = ["read", "update"];
            o.RequiredSystemInteractions.Add("transaction");
        });
        return (server, services);
    }

    private static Task<CapabilityStatement> VerifyAsync(ServiceProvider services) =>
        services.GetRequiredService<FhirClient>().VerifyCapabilitiesAsync(services.GetRequiredService<IOptions<FhirClientOptions>>().Value);

    private static CapabilityStatement HisCapabilities() => JsonSerializer.Deserialize<CapabilityStatement>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "CapabilityStatement.json")),
        new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector))!;

    [Fact]
    public async Task An_r4_server_with_the_needed_interactions_passes()
    {
        var (server, services) = await ServerWith(HisCapabilities());
        await using var _ = server;
        await using var __ = services;

        var capabilities = await VerifyAsync(services);

        Assert.Equal(FHIRVersion.N4_0_1, capabilities.FhirVersion);
        Assert.Equal("/fhir/metadata", server.Requests.Single().Path);
    }

    [Fact]
    public async Task A_server_that_is_not_r4_fails_the_check()
    {
        var stu3 = HisCapabilities();
        stu3.FhirVersion = FHIRVersion.N3_0_2;
        var (server, services) = await ServerWith(stu3);
        await using var _ = server;
        await using var __ = services;

        var error = await Assert.ThrowsAsync<FhirCapabilityException>(() => VerifyAsync(services));

        Assert.Contains(error.Problems, p => p.Contains("3.0.2") && p.Contains("4.0.x"));
    }

    [Fact]
    public async Task Missing_interactions_and_types_are_each_reported()
    {
        var limited = HisCapabilities();
        var rest = limited.Rest.Single();
        rest.Resource.RemoveAll(r => r.Type == "Slot");
        rest.Resource.Single(r => r.Type == "Patient").Interaction.RemoveAll(i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create);
        rest.Interaction.Clear();
        limited.Format = ["xml"];
        var (server, services) = await ServerWith(limited);
        await using var _ = server;
        await using var __ = services;

        var error = await Assert.ThrowsAsync<FhirCapabilityException>(() => VerifyAsync(services));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("Slot is not supported", error.Problems);
        Assert.Contains("Patient does not support 'create'", error.Problems);
        Assert.Contains("system interaction 'transaction' is not supported", error.Problems);
        Assert.Contains(error.Problems, p => p.Contains("JSON"));
    }
}

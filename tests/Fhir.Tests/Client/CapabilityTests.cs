using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Fhir;
using Platform.Fhir.Client;
using Platform.Fhir.Resources;

namespace Fhir.Tests.Client;

public class CapabilityTests
{
    private static async Task<(FakeFhirServer Server, FhirClient Client)> ServerWith(CapabilityStatement capabilities)
    {
        var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/metadata", (HttpContext context) => FakeFhirServer.Write(context, capabilities)));
        var client = ClientFactory.Create(server, o =>
        {
            o.RequiredInteractions["Patient"] = ["read", "search-type", "create"];
            o.RequiredInteractions["Slot"] = ["read", "update"];
            o.RequiredSystemInteractions.Add("transaction");
        });
        return (server, client);
    }

    private static CapabilityStatement HisCapabilities() =>
        FhirJson.Parse<CapabilityStatement>(Serialization.Samples.Read("CapabilityStatement.json"));

    [Fact]
    public async Task An_r4_server_with_the_needed_interactions_passes()
    {
        var (server, client) = await ServerWith(HisCapabilities());
        await using var _ = server;

        var capabilities = await client.VerifyCapabilitiesAsync();

        Assert.Equal("4.0.1", capabilities.FhirVersion);
        Assert.Equal("/fhir/metadata", server.Requests.Single().Path);
    }

    [Fact]
    public async Task A_server_that_is_not_r4_fails_the_check()
    {
        var stu3 = HisCapabilities();
        stu3.FhirVersion = "3.0.2";
        var (server, client) = await ServerWith(stu3);
        await using var _ = server;

        var error = await Assert.ThrowsAsync<FhirCapabilityException>(() => client.VerifyCapabilitiesAsync());

        Assert.Contains(error.Problems, p => p.Contains("3.0.2") && p.Contains("4.0.x"));
    }

    [Fact]
    public async Task Missing_interactions_and_types_are_each_reported()
    {
        var limited = HisCapabilities();
        var rest = limited.Rest.Single();
        rest.Resource.RemoveAll(r => r.Type == "Slot");
        rest.Resource.Single(r => r.Type == "Patient").Interaction.RemoveAll(i => i.Code == "create");
        rest.Interaction.Clear();
        limited.Format = ["xml"];
        var (server, client) = await ServerWith(limited);
        await using var _ = server;

        var error = await Assert.ThrowsAsync<FhirCapabilityException>(() => client.VerifyCapabilitiesAsync());

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("Slot is not supported", error.Problems);
        Assert.Contains("Patient does not support 'create'", error.Problems);
        Assert.Contains("system interaction 'transaction' is not supported", error.Problems);
        Assert.Contains(error.Problems, p => p.Contains("JSON"));
    }
}

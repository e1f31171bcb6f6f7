using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Fhir.Client;
using Platform.Fhir.Model;
using Platform.Fhir.Resources;
using Platform.Fhir.Search;

namespace Fhir.Tests.Client;

public class SearchPagingTests
{
    private static Bundle Page(FakeFhirServer server, int page, int pages)
    {
        var bundle = new Bundle
        {
            Type = "searchset",
            Total = pages * 2,
            Entry =
            [
                new() { Resource = new Appointment { Id = $"a{page}-1", Status = "booked" }, Search = new() { Mode = "match" } },
                new() { Resource = new Appointment { Id = $"a{page}-2", Status = "booked" }, Search = new() { Mode = "match" } },
                new() { Resource = new Patient { Id = "p1" }, Search = new() { Mode = "include" } },
            ],
        };
        if (page < pages)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = new Uri(server.FhirBase, $"Appointment?_getpages=abc&_page={page + 1}").AbsoluteUri });
        return bundle;
    }

    [Fact]
    public async Task Search_all_follows_next_links_and_yields_only_matches()
    {
        await using var server = await FakeFhirServer.StartAsync((app, s) =>
            app.MapGet("/fhir/Appointment", (HttpContext context) =>
            {
                var page = int.Parse(context.Request.Query["_page"].FirstOrDefault() ?? "1");
                return FakeFhirServer.Write(context, Page(s, page, pages: 3));
            }));
        var client = ClientFactory.Create(server);

        var found = new List<string>();
        await foreach (var appointment in client.SearchAllAsync<Appointment>(
                           new SearchParameters().Reference<Patient>("patient", "p1").Include("Appointment", "patient").Count(2)))
            found.Add(appointment.Id!);

        Assert.Equal(["a1-1", "a1-2", "a2-1", "a2-2", "a3-1", "a3-2"], found);
        var requests = server.RequestsTo("/fhir/Appointment").ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal("?patient=Patient%2Fp1&_include=Appointment%3Apatient&_count=2", requests[0].Query);
        Assert.Contains("_page=3", requests[2].Query);
        Assert.All(requests, r => Assert.Equal("application/fhir+json", r.Header("Accept")));
    }

    [Fact]
    public async Task Next_links_to_another_server_are_not_followed()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Appointment", (HttpContext context) => FakeFhirServer.Write(context, new Bundle
            {
                Type = "searchset",
                Link = [new Bundle.LinkComponent { Relation = "next", Url = "https://evil.example/fhir/Appointment?page=2" }],
            })));
        var client = ClientFactory.Create(server);

        var first = await client.SearchAsync<Appointment>();

        await Assert.ThrowsAsync<FhirOperationException>(() => client.NextPageAsync(first));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Read_and_vread_take_the_version_from_the_etag()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
        {
            app.MapGet("/fhir/Patient/{id}", (HttpContext context, string id) =>
                FakeFhirServer.Write(context, new Patient { Id = id, Name = [new HumanName { Text = "张三" }] }, versionId: "4"));
            app.MapGet("/fhir/Patient/{id}/_history/{vid}", (HttpContext context, string id, string vid) =>
                FakeFhirServer.Write(context, new Patient { Id = id, Meta = new Meta { VersionId = vid } }, versionId: vid));
        });
        var client = ClientFactory.Create(server);

        var current = await client.ReadAsync<Patient>("p-1001");
        var old = await client.VReadAsync<Patient>("p-1001", "2");

        Assert.Equal("4", current.Meta!.VersionId);
        Assert.Equal("张三", current.Name[0].Text);
        Assert.Equal("2", old.Meta!.VersionId);
        Assert.Contains(server.Requests, r => r.Path == "/fhir/Patient/p-1001/_history/2");
    }
}

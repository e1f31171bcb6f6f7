using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Fhir.Client;
using Platform.Fhir.Search;

namespace Fhir.Tests.Client;

public class SearchPagingTests
{
    private static Bundle Page(FakeFhirServer server, int page, int pages)
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = pages * 2,
            Entry =
            [
                Entry(new Appointment { Id = $"a{page}-1", Status = Appointment.AppointmentStatus.Booked }, Bundle.SearchEntryMode.Match),
                Entry(new Appointment { Id = $"a{page}-2", Status = Appointment.AppointmentStatus.Booked }, Bundle.SearchEntryMode.Match),
                Entry(new Patient { Id = "p1" }, Bundle.SearchEntryMode.Include),
            ],
        };
        if (page < pages)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = new Uri(server.FhirBase, $"Appointment?_getpages=abc&_page={page + 1}").AbsoluteUri });
        return bundle;
    }

    private static Bundle.EntryComponent Entry(Resource resource, Bundle.SearchEntryMode mode) =>
        new() { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = resource, Search = new Bundle.SearchComponent { Mode = mode } };

    [Fact]
    public async Task Search_all_follows_same_server_next_links_and_yields_only_matches()
    {
        await using var server = await FakeFhirServer.StartAsync((app, s) =>
            app.MapGet("/fhir/Appointment", (HttpContext context) =>
            {
                var page = int.Parse(context.Request.Query["_page"].FirstOrDefault() ?? "1");
                return FakeFhirServer.Write(context, Page(s, page, pages: 3));
            }));
        await using var services = ClientFactory.Services(server);
        var client = services.GetRequiredService<FhirClient>();

        var found = new List<string>();
        await foreach (var appointment in client.SearchAllAsync<Appointment>(
                           new SearchParams().AddReference("patient", "Patient", "p1").Include("Appointment:patient").LimitTo(2)))
            found.Add(appointment.Id!);

        Assert.Equal(["a1-1", "a1-2", "a2-1", "a2-2", "a3-1", "a3-2"], found);
        var requests = server.RequestsTo("/fhir/Appointment").ToList();
        Assert.Equal(3, requests.Count);
        Assert.Contains("patient=Patient%2Fp1", requests[0].Query);
        Assert.Contains("_count=2", requests[0].Query);
        Assert.Contains("_page=3", requests[2].Query);
    }

    [Fact]
    public async Task Next_links_to_another_server_are_not_followed()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Appointment", (HttpContext context) => FakeFhirServer.Write(context, new Bundle
            {
                Type = Bundle.BundleType.Searchset,
                Link = [new Bundle.LinkComponent { Relation = "next", Url = "https://evil.example/fhir/Appointment?page=2" }],
            })));
        await using var services = ClientFactory.Services(server);
        var client = services.GetRequiredService<FhirClient>();

        var first = await client.SearchAsync<Appointment>(new SearchParams());

        await Assert.ThrowsAsync<FhirOperationException>(() => client.NextPageAsync(first!));
        await Assert.ThrowsAsync<FhirOperationException>(async () =>
        {
            await foreach (var _ in client.SearchAllAsync<Appointment>(new SearchParams())) { }
        });
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("/fhir/Appointment", r.Path));
    }
}

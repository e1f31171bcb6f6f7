using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Fhir;
using Platform.Fhir.Client;
using Platform.Fhir.Model;
using Platform.Fhir.Resources;
using Platform.Fhir.Search;

namespace Fhir.Tests.Client;

public class WriteInteractionTests
{
    [Fact]
    public async Task Conditional_create_sends_if_none_exist_and_reports_whether_it_created()
    {
        var stored = 0;
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapPost("/fhir/Appointment", async (HttpContext context) =>
            {
                var appointment = await Platform.Fhir.FhirJson.ParseAsync<Appointment>(context.Request.Body);
                appointment.Id = "appt-1";
                var created = Interlocked.Increment(ref stored) == 1;
                context.Response.Headers.Location = "Appointment/appt-1/_history/1";
                await FakeFhirServer.Write(context, appointment, created ? 201 : 200, "1");
            }));
        var client = ClientFactory.Create(server);
        var appointment = new Appointment
        {
            Status = "booked",
            Identifier = [Identifier.Of("urn:platform:appointment", "abc")],
            Participant = [new() { Actor = Reference.To<Patient>("p1"), Status = "accepted" }],
        };
        var condition = new SearchParameters().Identifier("urn:platform:appointment", "abc");

        var first = await client.CreateIfNoneExistAsync(appointment, condition);
        var second = await client.CreateIfNoneExistAsync(appointment, condition);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("appt-1", first.Resource.Id);
        Assert.Equal("1", first.Resource.Meta!.VersionId);
        var request = server.Requests.First();
        Assert.Equal("identifier=urn%3Aplatform%3Aappointment%7Cabc", request.Header("If-None-Exist"));
        Assert.StartsWith("application/fhir+json", request.Header("Content-Type"));
        Assert.Equal("return=representation", request.Header("Prefer"));
        Assert.StartsWith("""{"resourceType":"Appointment",""", request.Body);
    }

    [Fact]
    public async Task Version_aware_update_sends_if_match_and_a_412_is_a_typed_exception()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapPut("/fhir/Slot/{id}", (HttpContext context) =>
                context.Request.Headers.IfMatch == "W/\"7\""
                    ? FakeFhirServer.Write(context, new Slot { Id = "s1", Status = "busy" }, 200, "8")
                    : FakeFhirServer.Write(context, OperationOutcome.ForError("conflict", "version 6 is not current (8)"), 412)));
        var client = ClientFactory.Create(server);
        var slot = new Slot { Id = "s1", Status = "busy", Meta = new Meta { VersionId = "7" } };

        var updated = await client.UpdateAsync(slot);
        slot.Meta.VersionId = "6";
        var error = await Assert.ThrowsAsync<FhirPreconditionFailedException>(() => client.UpdateAsync(slot));

        Assert.Equal("8", updated.Meta!.VersionId);
        Assert.Equal(HttpStatusCode.PreconditionFailed, error.Status);
        Assert.IsAssignableFrom<FhirConflictException>(error);
        Assert.Equal("version 6 is not current (8)", Assert.Single(error.Issues).Diagnostics);
        Assert.Equal(["W/\"7\"", "W/\"6\""], server.Requests.Select(r => r.Header("If-Match")));
        Assert.Equal(1, server.Requests.Count(r => r.Header("If-Match") == "W/\"6\""));
    }

    [Fact]
    public async Task Version_aware_update_without_a_version_is_refused_before_sending()
    {
        await using var server = await FakeFhirServer.StartAsync((_, _) => { });
        var client = ClientFactory.Create(server);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.UpdateAsync(new Slot { Id = "s1" }));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Delete_and_transaction_reach_the_right_urls()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
        {
            app.MapDelete("/fhir/Appointment/{id}", () => Results.NoContent());
            app.MapPost("/fhir/", (HttpContext context) => FakeFhirServer.Write(context, new Bundle
            {
                Type = "transaction-response",
                Entry = [new() { Response = new() { Status = "201 Created", Location = "Appointment/a9/_history/1" } }],
            }));
        });
        var client = ClientFactory.Create(server);

        await client.DeleteAsync<Appointment>("a1");
        var response = await client.TransactionAsync(Referee.WrittenResources.BookingTransaction());

        Assert.Equal("transaction-response", response.Type);
        Assert.Equal("Appointment/a9/_history/1", response.Entry[0].Response!.Location);
        Assert.Equal("DELETE", server.Requests.First().Method);
        var posted = FhirJson.Parse<Bundle>(server.Requests.Last().Body);
        Assert.Equal("transaction", posted.Type);
        Assert.Equal("POST", posted.Entry[0].Request!.Method);
    }

    [Fact]
    public async Task Only_transaction_or_batch_bundles_can_be_posted()
    {
        await using var server = await FakeFhirServer.StartAsync((_, _) => { });
        var client = ClientFactory.Create(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.TransactionAsync(new Bundle { Type = "searchset" }));
    }
}

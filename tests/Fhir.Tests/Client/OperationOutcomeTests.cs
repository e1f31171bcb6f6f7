using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Fhir;
using Platform.Fhir.Client;
using Platform.Fhir.Resources;

namespace Fhir.Tests.Client;

public class OperationOutcomeTests
{
    private static async Task<FhirOperationException> FailWith(int status, string? body, string contentType = FhirJson.MediaType)
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Appointment/{id}", async (HttpContext context) =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                if (body is not null) await context.Response.WriteAsync(body);
            }));
        var client = ClientFactory.Create(server);
        return await Assert.ThrowsAnyAsync<FhirOperationException>(() => client.ReadAsync<Appointment>("a1"));
    }

    [Fact]
    public async Task The_servers_operation_outcome_is_parsed_into_the_exception()
    {
        var error = await FailWith(409, Serialization.Samples.Read("OperationOutcome.json"));

        var conflict = Assert.IsType<FhirConflictException>(error);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(2, conflict.Issues.Count);
        Assert.Equal("该号源已被预约", conflict.Issues[0].Details!.Text);
        Assert.Equal("conflict", conflict.Issues[0].Code);
        Assert.Contains("Slot/slot-20240506-0800 version 7 != 8", conflict.Message);
    }

    [Fact]
    public async Task Not_found_and_gone_have_their_own_exceptions()
    {
        var missing = await FailWith(404, FhirJson.Serialize(OperationOutcome.ForError("not-found", "Appointment/a1 不存在")));
        var gone = await FailWith(410, FhirJson.Serialize(OperationOutcome.ForError("deleted", "Appointment/a1 已删除")));

        Assert.IsType<FhirResourceNotFoundException>(missing);
        Assert.Equal("not-found", missing.Issues.Single().Code);
        Assert.IsType<FhirResourceGoneException>(gone);
        Assert.IsAssignableFrom<FhirResourceNotFoundException>(gone);
    }

    [Fact]
    public async Task A_body_that_is_not_an_operation_outcome_still_gives_the_status()
    {
        var error = await FailWith(400, "<html>Bad gateway config</html>", "text/html");

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Null(error.Outcome);
        Assert.Empty(error.Issues);
    }
}

using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Fhir.Client;
using Platform.Fhir.Model;
using Platform.Fhir.Resources;
using Platform.Fhir.Search;

namespace Fhir.Tests.Client;

public class ResilienceTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay()
    {
        var calls = 0;
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Patient/{id}", (HttpContext context, string id) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    context.Response.Headers.RetryAfter = "1";
                    return FakeFhirServer.Write(context, OperationOutcome.ForError("throttled", "慢一点"), 429);
                }
                return FakeFhirServer.Write(context, new Patient { Id = id }, 200, "1");
            }));
        var client = ClientFactory.Create(server);

        var stopwatch = Stopwatch.StartNew();
        var patient = await client.ReadAsync<Patient>("p1");

        Assert.Equal("p1", patient.Id);
        Assert.Equal(2, calls);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after only {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_fails_at_once()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Patient/{id}", (HttpContext context) =>
            {
                context.Response.Headers.RetryAfter = "3600";
                return FakeFhirServer.Write(context, OperationOutcome.ForError("throttled", "come back in an hour"), 429);
            }));
        var client = ClientFactory.Create(server);

        var error = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<Patient>("p1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_success()
    {
        var calls = 0;
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Slot", (HttpContext context) => Interlocked.Increment(ref calls) <= 2
                ? FakeFhirServer.Write(context, OperationOutcome.ForError("exception", "数据库忙"), 500)
                : FakeFhirServer.Write(context, new Bundle { Type = "searchset", Total = 0 })));
        var client = ClientFactory.Create(server);

        var bundle = await client.SearchAsync<Slot>(new SearchParameters().Token("status", null, "free"));

        Assert.Equal(0, bundle.Total);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Retries_give_up_after_the_configured_attempts()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Slot/{id}", () => Results.StatusCode(503)));
        var client = ClientFactory.Create(server, o => o.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<Slot>("s1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_plain_create_is_not_retried_but_a_conditional_create_is()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapPost("/fhir/Communication", () => Results.StatusCode(502)));
        var client = ClientFactory.Create(server, o => o.MaxRetryAttempts = 2);
        var communication = new Communication { Status = "completed" };

        await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(communication));
        var plainAttempts = server.Requests.Count;
        await Assert.ThrowsAsync<FhirOperationException>(() =>
            client.CreateIfNoneExistAsync(communication, new SearchParameters().Identifier("urn:x", "1")));

        Assert.Equal(1, plainAttempts);
        Assert.Equal(1 + 3, server.Requests.Count);
    }

    [Fact]
    public async Task A_transaction_is_never_retried()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapPost("/fhir/", () => Results.StatusCode(500)));
        var client = ClientFactory.Create(server);

        await Assert.ThrowsAsync<FhirOperationException>(() => client.TransactionAsync(Referee.WrittenResources.BookingTransaction()));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        var calls = 0;
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Patient/{id}", async (HttpContext context, string id) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                else
                    await FakeFhirServer.Write(context, new Patient { Id = id });
            }));
        var counter = new AttemptCounter();
        var client = ClientFactory.CreateCounting(server, o => o.AttemptTimeout = TimeSpan.FromSeconds(3), counter);

        var patient = await client.ReadAsync<Patient>("p1");

        Assert.Equal("p1", patient.Id);
        Assert.Equal(2, counter.Attempts);
    }

    [Fact]
    public async Task When_every_attempt_times_out_the_caller_gets_a_timeout()
    {
        await using var server = await FakeFhirServer.StartAsync((app, _) =>
            app.MapGet("/fhir/Patient/{id}", async (HttpContext context) =>
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { })));
        var counter = new AttemptCounter();
        var client = ClientFactory.CreateCounting(server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetryAttempts = 1;
        }, counter);

        await Assert.ThrowsAsync<TimeoutException>(() => client.ReadAsync<Patient>("p1"));
        Assert.Equal(2, counter.Attempts);
    }
}

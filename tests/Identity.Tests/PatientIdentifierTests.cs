using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Identity.Tests.Support;
using MassTransit;
using Npgsql;
using Platform.Contracts.Identity;
using Platform.Messaging;
using Platform.Testing;

namespace Identity.Tests;

/// <summary>ID numbers and phones stay in Identity: the events say which patient changed, and only an integration client
/// holding the patient_identifiers scope reads the identifiers back.</summary>
public sealed class PatientIdentifierTests(IdentityFixture f) : IClassFixture<IdentityFixture>
{
    private static object Request(string name, string idNumber, string phone) =>
        new { relation = "parent", name, idType = "resident_id", idNumber, phone, method = "id_card" };

    private async Task<(Guid PatientId, string IdNumber, string Phone, HttpClient Owner)> AddPatientAsync(string name)
    {
        var session = await f.RegisterAsync();
        var owner = f.Client(session.AccessToken);
        var idNumber = IdentityApi.ResidentId(new DateOnly(1962, 9, 3));
        var phone = IdentityApi.NewPhone();
        await f.AddKnownPersonAsync(name, idNumber);
        var response = await owner.PostAsJsonAsync("/api/identity/me/patients", Request(name, idNumber, phone));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.JsonAsync()).GetProperty("id").GetGuid(), idNumber, phone, owner);
    }

    private async Task<string?> ClientTokenAsync(string clientId, string secret, string? scope)
    {
        var form = new List<(string, string)> { ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret) };
        if (scope is not null) form.Add(("scope", scope));
        var response = await f.TokenAsync([.. form]);
        return response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("access_token").GetString() : null;
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Registration_and_phone_change_events_carry_no_identifier_in_the_outbox_or_on_the_broker()
    {
        var received = new ConcurrentQueue<string>();
        var address = BrokerAddress.Parse(f.VirtualHost.AmqpUri);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint("pii-capture-" + Guid.NewGuid().ToString("N"), e =>
            {
                e.AutoDelete = true;
                e.Handler<PatientRegisteredIntegrationEvent>(c => Capture(c));
                e.Handler<PatientUpdatedIntegrationEvent>(c => Capture(c));
            });
        });
        Task Capture(ConsumeContext c)
        {
            received.Enqueue(Encoding.UTF8.GetString(c.ReceiveContext.Body.GetBytes()));
            return Task.CompletedTask;
        }
        await bus.StartAsync();
        try
        {
            var (patientId, idNumber, phone, owner) = await AddPatientAsync("赵淑芬");
            var newPhone = IdentityApi.NewPhone();
            Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/identity/me/patients/{patientId}", new { phone = newPhone })).StatusCode);

            await Eventually.Until(() => f.Database.ScalarAsync(
                    $"SELECT count(*) FROM outbox_messages WHERE payload->>'patientId' = '{patientId}' AND sent_at IS NOT NULL"),
                n => n == 2, TimeSpan.FromSeconds(20), "both events dispatched");
            await Eventually.Until(() => Task.FromResult(received.Count(b => b.Contains(patientId.ToString(), StringComparison.Ordinal))),
                n => n == 2, TimeSpan.FromSeconds(20), "both events received from the broker");

            var outbox = await AllPayloadsAsync();
            foreach (var secret in new[] { idNumber, phone, newPhone })
            {
                Assert.DoesNotContain(secret, outbox);
                Assert.All(received, body => Assert.DoesNotContain(secret, body));
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public async Task Only_an_integration_client_with_the_patient_identifiers_scope_reads_a_patients_identifiers()
    {
        var (patientId, idNumber, phone, owner) = await AddPatientAsync("钱玉兰");
        var url = $"/api/identity/internal/patients/{patientId}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Client().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync(url)).StatusCode);
        var unscoped = await ClientTokenAsync(IdentityFixture.IntegrationClientId, IdentityFixture.IntegrationClientSecret, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Client(unscoped).GetAsync(url)).StatusCode);
        // A client without the permission cannot even ask for the scope.
        Assert.Null(await ClientTokenAsync(IdentityFixture.IntegrationClientId, IdentityFixture.IntegrationClientSecret, "patient_identifiers"));

        var token = await ClientTokenAsync(IdentityFixture.DirectoryClientId, IdentityFixture.DirectoryClientSecret, "patient_identifiers");
        var reader = f.Client(token);
        var details = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
        Assert.Equal(idNumber, details.GetProperty("idNumber").GetString());
        Assert.Equal(phone, details.GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/identity/internal/patients/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task<string> AllPayloadsAsync()
    {
        await using var conn = new NpgsqlConnection(f.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(string_agg(payload::text, ' '), '') FROM outbox_messages", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}

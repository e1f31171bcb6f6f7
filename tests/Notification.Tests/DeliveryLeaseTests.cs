using System.Net;
using System.Net.Http.Json;
using Notification.API.Domain;
using Platform.Contracts.Reports;
using Platform.Contracts.Scheduling;
using Platform.Testing;

namespace Notification.Tests;

/// <summary>The delivery worker claims with a lease, calls the provider outside any transaction and records the
/// outcome afterwards: a refused record step must not send the SMS again, and a dead worker's lease runs out.</summary>
[Collection(NotificationCollection.Name)]
public sealed class DeliveryLeaseTests(NotificationFixture fixture)
{
    private static CriticalValueDetectedIntegrationEvent CriticalValue(Guid patient) =>
        new(patient, "HIS-R-" + Guid.NewGuid().ToString("N")[..6], "血钾", "6.9", "mmol/L", "3.5-5.3", DateTimeOffset.UtcNow);

    private string SmsDelivery(Guid eventId) =>
        $"FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.source_event_id = '{eventId}' AND d.channel = 'sms'";

    private async Task<(Guid Account, Guid Patient, string Phone)> PatientAsync()
    {
        Guid account = Guid.NewGuid(), patient = Guid.NewGuid();
        var phone = NotificationFixture.NewPhone();
        await fixture.RegisterPatientAsync(account, patient, phone);
        return (account, patient, phone);
    }

    /// <summary>Another patient's SMS raised later: once it is accepted, the worker has made a round after the one
    /// under test (instead of sleeping and hoping it has).</summary>
    private async Task DeliveryRoundPassedAsync()
    {
        var (_, patient, phone) = await PatientAsync();
        await fixture.PublishAsync(CriticalValue(patient));
        await Eventually.Until(() => Task.FromResult(fixture.Sms.AcceptedFor(phone)), n => n == 1, TimeSpan.FromSeconds(30),
            "a later patient's SMS sent");
    }

    [Fact]
    public async Task No_transaction_is_open_while_the_sms_provider_is_answering()
    {
        var (_, patient, phone) = await PatientAsync();
        fixture.Sms.Hold(phone);
        var e = CriticalValue(patient);
        try
        {
            await fixture.PublishAsync(e);
            var held = await Eventually.Until(() => Task.FromResult(fixture.Sms.Held.Where(h => h.Phone == phone).ToList()),
                h => h.Count == 1, TimeSpan.FromSeconds(30), "the SMS request in flight");

            // A transaction begun before the provider was called and still open would be the worker's.
            Assert.Equal(0, await fixture.Database.ScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() " +
                $"AND state LIKE 'idle in transaction%' AND xact_start < '{held[0].At:O}'::timestamptz"));
            Assert.Equal(1, await fixture.Database.ScalarAsync(
                $"SELECT count(*) {SmsDelivery(e.Id)} AND d.status = 'pending' AND d.lease_owner IS NOT NULL AND d.leased_until > now()"));
        }
        finally
        {
            fixture.Sms.Release(phone);
        }
        await Eventually.Until(() => fixture.Database.ScalarAsync(
                $"SELECT count(*) {SmsDelivery(e.Id)} AND d.status = 'sent' AND d.lease_owner IS NULL"), n => n == 1,
            TimeSpan.FromSeconds(30), "the SMS recorded as sent and its lease released");
        Assert.Equal(1, fixture.Sms.AcceptedFor(phone));
    }

    [Fact]
    public async Task An_sms_whose_outcome_the_database_refuses_once_is_still_sent_exactly_once()
    {
        var (_, patient, phone) = await PatientAsync();
        var tag = "refuse_" + Guid.NewGuid().ToString("N")[..12];
        // A real PostgreSQL fault: the first attempt to record this patient's SMS as sent fails. A sequence counts the
        // attempts because it is not rolled back with the refused transaction.
        await fixture.Database.ScalarAsync($"""
            CREATE SEQUENCE {tag};
            CREATE FUNCTION {tag}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.channel = 'sms' AND NEW.status = 'sent' AND OLD.status = 'pending' THEN
                IF NEW.message_id IN (SELECT id FROM messages WHERE patient_id = '{patient}') THEN
                  IF nextval('{tag}') = 1 THEN
                    RAISE EXCEPTION 'the test refuses this commit once';
                  END IF;
                END IF;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {tag} BEFORE UPDATE ON deliveries FOR EACH ROW EXECUTE FUNCTION {tag}();
            """);
        try
        {
            var e = CriticalValue(patient);
            await fixture.PublishAsync(e);
            await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) {SmsDelivery(e.Id)} AND d.status = 'sent'"),
                n => n == 1, TimeSpan.FromSeconds(30), "the SMS recorded as sent");
            Assert.Equal(2, await fixture.Database.ScalarAsync($"SELECT last_value FROM {tag}")); // refused once, then recorded
            await DeliveryRoundPassedAsync(); // a second send would have happened by now

            Assert.Equal(1, fixture.Sms.AcceptedFor(phone));
            Assert.Equal(1, await fixture.Database.ScalarAsync($"SELECT d.attempts {SmsDelivery(e.Id)}"));
        }
        finally
        {
            await fixture.Database.ScalarAsync($"DROP TRIGGER {tag} ON deliveries; DROP FUNCTION {tag}(); DROP SEQUENCE {tag};");
        }
    }

    [Fact]
    public async Task A_delivery_leased_by_a_worker_that_died_is_sent_once_its_lease_runs_out()
    {
        var (account, patient, phone) = await PatientAsync();
        // Quiet hours hold the clinic notice's SMS back, so the test can hand it to a dead worker before anyone sends it.
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NotificationPreferences.ChinaTime);
        var quiet = new { inApp = true, weChat = true, sms = true,
            quietHours = new { start = local.AddHours(-1).ToString("HH:mm"), end = local.AddHours(2).ToString("HH:mm") } };
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(account).PutAsJsonAsync("/api/notification/preferences", quiet)).StatusCode);
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var e = new ClinicStoppedIntegrationEvent("S-l", "眼科", "赵医生", start, start.AddHours(3), "设备检修", [patient]);
        await fixture.PublishAsync(e);
        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) {SmsDelivery(e.Id)} AND d.status = 'pending'"),
            n => n == 1, what: "the SMS delivery held back");

        // The crash: a worker claimed the delivery (lease until three seconds from now) and was never heard of again.
        var leaseEnds = await fixture.Database.ScalarAsync($"""
            UPDATE deliveries SET next_attempt_at = now(), lease_owner = 'delivery/crashed-host/1/gone',
                leased_until = now() + interval '3 seconds'
            WHERE id = (SELECT d.id {SmsDelivery(e.Id)})
            RETURNING (extract(epoch FROM leased_until) * 1000)::bigint
            """);

        await Eventually.Until(() => fixture.Database.ScalarAsync($"SELECT count(*) {SmsDelivery(e.Id)} AND d.status = 'sent'"),
            n => n == 1, TimeSpan.FromSeconds(30), "the SMS sent after the dead worker's lease");
        Assert.Equal(1, fixture.Sms.AcceptedFor(phone));
        Assert.True(await fixture.Database.ScalarAsync($"SELECT (extract(epoch FROM d.sent_at) * 1000)::bigint {SmsDelivery(e.Id)}") >= leaseEnds,
            "sent only after the lease ran out");
        Assert.Equal(0, await fixture.Database.ScalarAsync($"SELECT count(*) {SmsDelivery(e.Id)} AND d.lease_owner IS NOT NULL"));
    }
}

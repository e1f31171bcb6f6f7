using HisAdapter.API.Extensions;
using Microsoft.Extensions.Options;
using Hl7.Fhir.Rest;
using Platform.Fhir.Client;

namespace HisAdapter.API.Application.Sync;

/// <summary>At start: check the HIS CapabilityStatement (warn and keep retrying while it is unreachable), run a full
/// sync, register the Subscriptions; then an incremental sync on every interval or Subscription notification.</summary>
public sealed class SyncWorker(
    IServiceScopeFactory scopes, SyncTrigger trigger, HisReachability reachability, IOptions<HisOptions> options,
    IOptions<FhirClientOptions> fhirOptions,
    ILogger<SyncWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var full = true;
        var subscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var his = scope.ServiceProvider.GetRequiredService<FhirClient>();
                if (full) await his.VerifyCapabilitiesAsync(fhirOptions.Value, stoppingToken);
                var result = await scope.ServiceProvider.GetRequiredService<ReferenceDataSync>().RunAsync(full, stoppingToken);
                reachability.Reachable();
                if (!subscribed)
                {
                    // After the first full sync: a Subscription is a write, and writes wait for the validator to warm up.
                    await scope.ServiceProvider.GetRequiredService<SubscriptionRegistrar>().RegisterAsync(stoppingToken);
                    subscribed = true;
                }
                if (full || result.Departments + result.Practitioners + result.SlotDays + result.ExamOrders + result.Medications > 0)
                    logger.LogInformation("HIS {Kind} sync published {Departments} departments, {Practitioners} doctors, {SlotDays} schedule days, {ExamOrders} exam orders, {Medications} medication snapshots",
                        full ? "full" : "incremental", result.Departments, result.Practitioners, result.SlotDays, result.ExamOrders, result.Medications);
                full = false;
                backoff = TimeSpan.FromSeconds(1);
                await trigger.WaitAsync(options.Value.SyncInterval, stoppingToken);
                // Let a burst of notifications (a whole session's slots) settle into one run.
                await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (HisFailure.IsUnreachable(ex)) reachability.Unreachable(ex.Message);
                logger.LogWarning("HIS sync failed, retrying in {Delay}: {Error}", backoff, ex.Message);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                // Never wait longer than a healthy interval would: after an outage the next sync is at most that far off.
                var cap = Math.Min(MaxBackoff.Ticks, options.Value.SyncInterval.Ticks);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, cap));
            }
        }
    }
}

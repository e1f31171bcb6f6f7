using HisAdapter.API.Extensions;
using Microsoft.Extensions.Options;
using Hl7.Fhir.Rest;

namespace HisAdapter.API.Application.Sync;

/// <summary>Asks the HIS to notify us (R4 rest-hook) when reference data changes. Conditional creates, so restarts and
/// replicas never register twice.</summary>
public sealed class SubscriptionRegistrar(FhirClient his, IOptions<HisOptions> options, ILogger<SubscriptionRegistrar> logger)
{
    public const string SecretHeader = "X-Subscription-Secret";
    private static readonly string[] Watched = ["HealthcareService", "Location", "Practitioner", "PractitionerRole", "Schedule", "Slot",
        "MedicationRequest", "MedicationDispense", "AllergyIntolerance"];

    public async Task RegisterAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.CallbackBaseUrl) || string.IsNullOrEmpty(settings.SubscriptionSecret))
        {
            logger.LogWarning("His:CallbackBaseUrl or His:SubscriptionSecret not set: relying on the periodic sync only");
            return;
        }
        var endpoint = $"{settings.CallbackBaseUrl.TrimEnd('/')}/api/his/subscriptions/{Uri.EscapeDataString(settings.SubscriptionSecret)}";
        foreach (var criteria in Watched)
        {
            var subscription = new Subscription
            {
                Status = Subscription.SubscriptionStatus.Requested,
                Reason = "互联网医院平台同步基础数据",
                Criteria = criteria,
                Channel = new Subscription.ChannelComponent
                {
                    Type = Subscription.SubscriptionChannelType.RestHook,
                    Endpoint = endpoint,
                    Header = [$"{SecretHeader}: {settings.SubscriptionSecret}"],
                },
            };
            try
            {
                await his.ConditionalCreateAsync(subscription, new SearchParams().Add("url", endpoint).Add("criteria", criteria), ct);
            }
            catch (FhirOperationException ex) when (ex.Status == System.Net.HttpStatusCode.PreconditionFailed)
            {
                // Several already match (registered twice by an older build): they all notify us, which is harmless.
            }
        }
        logger.LogInformation("HIS subscriptions registered for {Types}", string.Join(", ", Watched));
    }
}

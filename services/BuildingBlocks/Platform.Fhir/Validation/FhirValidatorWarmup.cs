using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Fhir.Validation;

/// <summary>Unpacks the specification in the background at start-up, so readiness never waits for it.</summary>
internal sealed class FhirValidatorWarmup(FhirResourceValidator validator, ILogger<FhirValidatorWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await validator.WarmAsync(stoppingToken);
            logger.LogInformation("FHIR validator ready in {Elapsed}", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "FHIR validator could not load the specification; writes will retry loading it");
        }
    }, stoppingToken);
}

namespace WeChat.Gateway.Application.Credentials;

/// <summary>Keeps the shared credentials ahead of expiry. Every replica runs it; the advisory lock in
/// <see cref="CredentialStore"/> makes one of them do the fetching.</summary>
public sealed class CredentialRefresher(IEnumerable<CentralCredential> credentials, TimeProvider time, ILogger<CredentialRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = time.GetUtcNow() + MaxWait;
            foreach (var credential in credentials)
            {
                try
                {
                    if (await credential.RefreshIfDueAsync(stoppingToken) is { } due && due < next) next = due;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Refreshing WeChat {Credential} failed; retrying shortly", credential.Name);
                    var retry = time.GetUtcNow() + AfterFailure;
                    if (retry < next) next = retry;
                }
            }
            var wait = next - time.GetUtcNow();
            wait = wait < MinWait ? MinWait : wait > MaxWait ? MaxWait : wait;
            try { await Task.Delay(wait, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

namespace Platform.ServiceDefaults.Workers;

/// <summary>Who holds a claimed row: one value per worker instance, so an outcome is only recorded by the instance
/// whose lease is still current (a row re-claimed after its lease ran out belongs to the new holder).</summary>
public static class LeaseOwner
{
    public const int MaxLength = 100;

    public static string New(string worker)
    {
        var owner = $"{worker}/{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}".ToLowerInvariant();
        return owner.Length <= MaxLength ? owner : owner[^MaxLength..];
    }
}

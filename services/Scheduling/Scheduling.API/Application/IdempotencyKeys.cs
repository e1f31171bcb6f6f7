using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Scheduling.API.Domain;
using Scheduling.API.Infrastructure;

namespace Scheduling.API.Application;

/// <summary>Idempotency-Key per account: the first request's answer is stored with the hash of what it asked, in the same
/// transaction as its change. A transaction-scoped advisory lock on the key makes a double tap wait for the first
/// request instead of racing it.</summary>
public sealed class IdempotencyKeys(SchedulingDbContext db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Require(string? key)
    {
        var trimmed = key?.Trim();
        if (trimmed is null || trimmed.Length is < 8 or > 100 || trimmed.Any(char.IsControl))
            throw ProblemException.Invalid(new Dictionary<string, string[]>
            {
                [Header] = ["请求头 Idempotency-Key 必填，长度应为8-100个字符"],
            });
        return trimmed;
    }

    public static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    /// <summary>Inside the caller's transaction: waits for any other request with this key, then returns its answer
    /// (same request) or refuses (another request under the same key); null when the key is new.</summary>
    public Task<AppointmentDto?> ClaimAsync(Guid account, string key, string hash, CancellationToken ct) =>
        ClaimAsync<AppointmentDto>(account, key, hash, ct);

    public async Task<T?> ClaimAsync<T>(Guid account, string key, string hash, CancellationToken ct) where T : class
    {
        var lockName = $"scheduling-idempotency:{account:N}:{key}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", ct);
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.AccountId == account && r.Key == key, ct);
        if (record is null) return null;
        if (record.RequestHash != hash)
            throw new ProblemException(422, "idempotency_key_reused", "该 Idempotency-Key 已用于另一个请求，请更换后重试");
        return JsonSerializer.Deserialize<T>(record.Response, Json);
    }

    public void Record<T>(Guid account, string key, string hash, int status, T response) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            AccountId = account, Key = key, RequestHash = hash, StatusCode = status,
            Response = JsonSerializer.Serialize(response, Json), CreatedAt = clock.GetUtcNow(),
        });
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Outbox;

/// <summary>Rewrites a property of outbox payloads written by an older version of an event (e.g. an identifier that events
/// no longer carry), so that neither the pending nor the kept sent messages hold it after an upgrade.</summary>
public static class LegacyOutboxPayloads
{
    /// <returns>How many outbox messages were rewritten.</returns>
    public static async Task<int> ReplacePropertyAsync(DbContext db, string legacyProperty, string newProperty,
        Func<string, JsonNode?> convert, CancellationToken ct)
    {
        var rows = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE payload -> {legacyProperty} IS NOT NULL")
            .AsNoTracking()
            .Select(m => new { m.Id, m.Payload })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            if (JsonNode.Parse(row.Payload) is not JsonObject payload
                || payload[legacyProperty] is not JsonValue legacy || !legacy.TryGetValue<string>(out var value)) continue;
            payload.Remove(legacyProperty);
            payload[newProperty] = convert(value);
            var json = payload.ToJsonString();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE outbox_messages SET payload = {json}::jsonb WHERE id = {row.Id}", ct);
        }
        return rows.Count;
    }
}

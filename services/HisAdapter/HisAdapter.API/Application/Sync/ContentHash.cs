using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Contracts;

namespace HisAdapter.API.Application.Sync;

/// <summary>A fingerprint of what consumers would see of an event, ignoring its id and time.</summary>
public static class ContentHash
{
    public static string Of(IntegrationEvent e) =>
        Of(JsonSerializer.Serialize(e with { Id = Guid.Empty, OccurredAt = default }, e.GetType()));

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WeChat.Gateway.Application.Credentials;
using Platform.Testing;

namespace WeChatGateway.Tests;

public sealed class TokenRefreshTests
{
    private static async Task<(string Value, DateTimeOffset ObtainedAt, DateTimeOffset ExpiresAt)?> StoredTokenAsync(GatewayStack stack)
    {
        await using var conn = new NpgsqlConnection(stack.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT value, obtained_at, expires_at FROM wechat_credentials WHERE name = 'access_token'", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)) : null;
    }

    [Fact]
    public async Task Two_gateway_instances_on_one_database_fetch_the_token_once()
    {
        await using var stack = await GatewayStack.StartAsync(instances: 2);
        await Eventually.Until(() => StoredTokenAsync(stack), t => t is not null, what: "token stored");
        // Both instances' refreshers have finished a round (each holds the token): whichever lost the race read the row.
        await Eventually.Until(() => Task.FromResult(stack.InstanceServices.All(s => s.GetRequiredService<AccessTokenCredential>().Held is not null)),
            held => held, what: "both instances hold the token");
        Assert.Equal(1, await stack.Simulator.CounterAsync("stableToken"));
        Assert.Equal(0, await stack.Simulator.CounterAsync("token"));
    }

    [Fact]
    public async Task The_token_is_replaced_before_it_expires()
    {
        // Refreshed at 80% of its life: 15 s leaves 3 s for the locked fetch, which a loaded CI machine once took over the
        // 1.2 s that a 6 s token left.
        await using var stack = await GatewayStack.StartAsync(tokenLifetimeSeconds: 15);
        var first = (await Eventually.Until(() => StoredTokenAsync(stack), t => t is not null, what: "token stored"))!.Value;
        var replaced = await Eventually.Until(() => StoredTokenAsync(stack), t => t!.Value.Value != first.Value,
            TimeSpan.FromSeconds(30), "token replaced");
        // When the gateway fetched the new token, not when this (possibly busy) test saw it.
        Assert.True(replaced!.Value.ObtainedAt < first.ExpiresAt, "the old token had already expired when it was replaced");
        Assert.True(replaced!.Value.ExpiresAt > first.ExpiresAt);
        Assert.Equal(0, await stack.Simulator.CounterAsync("stableTokenForced"));
    }
}

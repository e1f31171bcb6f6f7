namespace WeChatGateway.Tests;

public sealed class ModeRoundTripTests
{
    [Theory]
    [InlineData("Plaintext", false)]
    [InlineData("Compatible", true)]
    [InlineData("Safe", true)]
    public async Task A_message_round_trips_through_the_gateway_in_each_mode(string mode, bool encrypted)
    {
        await using var stack = await GatewayStack.StartAsync(mode);
        var sent = await stack.Simulator.SendToGatewayAsync(new { fromUser = "mode-user", type = "text", content = "报告" });

        Assert.Equal(200, sent.GetProperty("status").GetInt32());
        Assert.Equal(encrypted, sent.GetProperty("replyEncrypted").GetBoolean());
        if (encrypted) Assert.True(sent.GetProperty("replySignatureValid").GetBoolean());
        Assert.Equal("报告查询", sent.GetProperty("reply").GetProperty("article").GetProperty("title").GetString());
    }
}

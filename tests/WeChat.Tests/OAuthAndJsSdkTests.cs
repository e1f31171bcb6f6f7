using Platform.WeChat.JsSdk;
using Platform.WeChat.OAuth;

namespace WeChat.Tests;

public class OAuthAndJsSdkTests
{
    [Fact]
    public void Authorize_url_encodes_redirect_and_ends_with_wechat_redirect()
    {
        var url = OAuthUrlBuilder.Build("wx520c15f417810387", "https://h5.hospital.cn/oauth/callback?next=/book&x=1",
            OAuthScope.SnsapiUserInfo, "abc123");
        Assert.Equal("https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387" +
            "&redirect_uri=https%3A%2F%2Fh5.hospital.cn%2Foauth%2Fcallback%3Fnext%3D%2Fbook%26x%3D1" +
            "&response_type=code&scope=snsapi_userinfo&state=abc123#wechat_redirect", url);
    }

    [Fact]
    public void Authorize_url_can_point_at_a_simulator_and_uses_snsapi_base()
    {
        var url = OAuthUrlBuilder.Build("wx1", "http://127.0.0.1:5000/cb", OAuthScope.SnsapiBase, "s", "http://127.0.0.1:7001/");
        Assert.StartsWith("http://127.0.0.1:7001/connect/oauth2/authorize?appid=wx1&", url);
        Assert.Contains("&scope=snsapi_base&", url);
    }

    [Theory]
    [InlineData("relative/path", "s")]
    [InlineData("javascript:alert(1)", "s")]
    [InlineData("https://ok", "has space")]
    [InlineData("https://ok", "a&b=c")]
    public void Authorize_url_rejects_bad_redirect_or_state(string redirect, string state) =>
        Assert.Throws<ArgumentException>(() => OAuthUrlBuilder.Build("wx1", redirect, OAuthScope.SnsapiBase, state));

    [Fact]
    public void JsSdk_config_signs_url_without_fragment()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1414587457);
        var config = JsSdkSigner.CreateConfig("wx1", "ticket", "https://h5/pay?o=1#/step2", now, "nonce");
        Assert.Equal(1414587457, config.Timestamp);
        Assert.Equal(JsSdkSigner.Sign("ticket", "nonce", 1414587457, "https://h5/pay?o=1"), config.Signature);
        Assert.Equal(40, config.Signature.Length);
        Assert.Equal(16, JsSdkSigner.CreateConfig("wx1", "ticket", "https://h5/", now).NonceStr.Length);
    }
}

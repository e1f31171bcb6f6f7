using Platform.Security.Hashing;

namespace Identity.API.Application;

/// <summary>The keyed look-up hashes this service stores, each in its own namespace.</summary>
public sealed class IdentityHashes(LookupHasher hasher)
{
    public string Phone(string phone) => hasher.Hash("phone", phone);
    public string IdNumber(string idType, string idNumber) => hasher.Hash("id:" + idType, idNumber);
    public string Requester(string ip) => hasher.Hash("requester", ip);
    public string SmsCode(Guid codeId, string code) => hasher.Hash("sms-code:" + codeId.ToString("N"), code);
    public string LoginName(string login) => hasher.Hash("login", login);
    public string Throttle(string counter, string value) => hasher.Hash("throttle:" + counter, value);
    // WeChat's ids are case-sensitive: hashed as given, not upper-cased like phones and ID numbers.
    public string WeChatOpenId(string openId) => hasher.HashCaseSensitive("wechat-openid", openId);
    public string WeChatUnionId(string unionId) => hasher.HashCaseSensitive("wechat-unionid", unionId);
}

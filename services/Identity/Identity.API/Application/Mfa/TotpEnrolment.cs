using System.Security.Cryptography;
using Identity.API.Application.Login;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Platform.Security.Encryption;
using Platform.Security.Otp;
using Platform.ServiceDefaults.Problems;
using QRCoder;

namespace Identity.API.Application.Mfa;

public sealed record TotpSetup(string Secret, string OtpauthUri, string QrCodeDataUrl);

public sealed record OtpCode(string? Code);

/// <summary>Nullable so that a body without <c>enabled</c> is refused rather than read as "off".</summary>
public sealed record SmsMfaSetting(bool? Enabled);

/// <summary>TOTP enrolment: a pending secret becomes active only after the user proves their app produces its codes.</summary>
public sealed class TotpEnrolment(IdentityDbContext db, IFieldEncryptor encryptor, SecondFactor secondFactor, TimeProvider clock)
{
    public const string Issuer = "智慧医院";

    public async Task<TotpSetup> BeginAsync(Account account, CancellationToken ct)
    {
        var secret = Base32.Encode(RandomNumberGenerator.GetBytes(20));
        account.PendingTotpSecretEncrypted = encryptor.Encrypt(secret, PendingContext(account.Id));
        await db.SaveChangesAsync(ct);
        var uri = Totp.ProvisioningUri(Issuer, account.Username, secret);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new TotpSetup(secret, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    public async Task ConfirmAsync(Account account, string? code, CancellationToken ct)
    {
        if (account.PendingTotpSecretEncrypted is null)
            throw new ProblemException(400, "totp_not_pending", "请先获取绑定二维码");
        var secret = encryptor.Decrypt(account.PendingTotpSecretEncrypted, PendingContext(account.Id));
        if (Totp.Verify(Base32.Decode(secret), code, clock.GetUtcNow()) is not { } step) throw InvalidCode();
        account.TotpSecretEncrypted = encryptor.Encrypt(secret, SecondFactor.TotpContext(account.Id));
        account.PendingTotpSecretEncrypted = null;
        account.LastTotpStep = step;
        await db.SaveChangesAsync(ct);
    }

    public async Task DisableAsync(Account account, string? code, CancellationToken ct)
    {
        if (!account.TotpEnabled) throw new ProblemException(400, "totp_not_enabled", "尚未绑定身份验证器");
        if (!await secondFactor.VerifyTotpAsync(account, code, ct)) throw InvalidCode();
        account.TotpSecretEncrypted = null;
        account.LastTotpStep = -1;
        await db.SaveChangesAsync(ct);
    }

    private static ProblemException InvalidCode() => new(400, "invalid_otp", "动态验证码错误或已过期，请重新输入");

    private static string PendingContext(Guid accountId) => "account-totp-pending:" + accountId.ToString("N");
}

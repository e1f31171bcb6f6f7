using Identity.API.Application.Patients;
using Identity.API.Application.Tokens;
using Identity.API.Domain;
using Identity.API.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.Security.Encryption;
using Platform.Security.Masking;
using Platform.ServiceDefaults.Problems;

namespace Identity.API.Application.Accounts;

public sealed record MfaState(bool Totp, bool Sms);

public sealed record MeDto(Guid Id, string Username, string PhoneMasked, MfaState Mfa, DateTimeOffset CreatedAt, string Role,
    bool WechatBound);

public sealed record ConsentDto(string Kind, string Version, DateTimeOffset AcceptedAt, string Channel);

public sealed record DataExport(DateTimeOffset ExportedAt, MeDto Account, IReadOnlyList<PatientDto> Patients,
    IReadOnlyList<ConsentDto> Agreements, int ActiveSessions, string Note);

public sealed record CloseAccountRequest(string? Password);

public sealed record AccountClosed(string Message, IReadOnlyList<string> Retained);

/// <summary>PIPL rights over one's own data: a copy (art. 45) and erasure on closing the account (art. 47).</summary>
public sealed class AccountData(IdentityDbContext db, IFieldEncryptor encryptor, IPasswordHasher<Account> hasher,
    IOpenIddictTokenManager tokens, IIntegrationEventOutbox outbox, TimeProvider clock)
{
    public static readonly string[] Retained =
    [
        "病历资料（门诊、住院病历及检查检验报告）由医院依据《医疗机构病历管理规定》保存，住院病历自最后一次出院之日起不少于30年，不随账号注销而删除",
        "收费与票据记录依据《会计档案管理办法》保存30年",
        "协议同意记录（同意的版本、时间、渠道）作为个人信息处理合法性的证明，保存至注销后3年",
    ];

    public MeDto Me(Account a) => new(a.Id, a.Username,
        a.PhoneEncrypted is null ? "" : Mask.Phone(encryptor.Decrypt(a.PhoneEncrypted, Login.SecondFactor.PhoneContext(a.Id))),
        new MfaState(a.TotpEnabled, a.SmsMfaEnabled), a.CreatedAt, a.Role, a.WeChatBound);

    public async Task<DataExport> ExportAsync(Account account, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking().Where(p => p.AccountId == account.Id).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var consents = await db.AgreementConsents.AsNoTracking().Where(c => c.AccountId == account.Id).OrderBy(c => c.AcceptedAt)
            .Select(c => new ConsentDto(c.Kind, c.Version, c.AcceptedAt, c.Channel)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Signed-in sessions: refresh tokens OpenIddict holds for the account that can still be redeemed.
        var subject = account.Id.ToString();
        var sessions = await db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.Subject == subject
            && t.Type == OpenIddictConstants.TokenTypeIdentifiers.RefreshToken && t.Status == OpenIddictConstants.Statuses.Valid
            && t.ExpirationDate > now.UtcDateTime, ct);
        return new DataExport(now, Me(account), patients.Select(p => PatientDto.From(p, encryptor)).ToList(), consents, sessions,
            "证件号码与手机号已做屏蔽处理；就诊记录、检查报告等医疗数据请在对应服务中查询导出。");
    }

    public async Task<AccountClosed> CloseAsync(Account account, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password) || account.PasswordHash.Length == 0
            || hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
            throw new ProblemException(400, "invalid_credentials", "密码错误，无法注销账号");

        var patients = await db.Patients.Where(p => p.AccountId == account.Id).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        outbox.Add(new AccountClosedIntegrationEvent(account.Id, patients.Select(p => p.Id).ToList()));
        db.Patients.RemoveRange(patients);
        account.ClosedAt = clock.GetUtcNow();
        account.Username = account.UsernameNormalized = "closed_" + account.Id.ToString("N");
        account.DisplayName = "已注销用户";
        account.PhoneEncrypted = account.PhoneHash = null;
        account.WeChatOpenIdEncrypted = account.WeChatOpenIdHash = null;
        account.MiniProgramOpenIdEncrypted = account.MiniProgramOpenIdHash = account.WeChatUnionIdHash = null;
        account.PasswordHash = "";
        account.TotpSecretEncrypted = account.PendingTotpSecretEncrypted = null;
        account.SmsMfaEnabled = false;
        await db.SaveChangesAsync(ct);
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), ct);
        await tx.CommitAsync(ct);
        return new AccountClosed("账号已注销，身份信息已删除", Retained);
    }
}

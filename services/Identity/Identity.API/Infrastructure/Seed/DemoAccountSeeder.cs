using Identity.API.Application;
using Identity.API.Application.Clinicians;
using Identity.API.Application.Login;
using Identity.API.Application.Patients;
using Identity.API.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Identity;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Security.Encryption;
using Platform.Security.Identifiers;

namespace Identity.API.Infrastructure.Seed;

/// <summary>The demo accounts from <c>Identity:DemoAccounts</c>, only with <c>Identity:SeedDemoAccounts=true</c> and only in
/// the Development environment: their passwords are published, so no other environment ever gets them, whatever its
/// configuration says. Creates what is missing and never resets a password someone changed.</summary>
internal sealed class DemoAccountSeeder(IOptions<IdentityServiceOptions> options, IHostEnvironment environment, IdentityHashes hashes,
    IFieldEncryptor encryptor, IPasswordHasher<Account> hasher, IIntegrationEventOutbox outbox, ClinicianLinks links, TimeProvider clock,
    ILogger<DemoAccountSeeder> logger) : ISeeder<IdentityDbContext>
{
    public async Task SeedAsync(IdentityDbContext db, CancellationToken ct)
    {
        if (!options.Value.SeedDemoAccounts) return;
        if (!environment.IsDevelopment())
        {
            logger.LogWarning("Identity:SeedDemoAccounts is ignored in the {Environment} environment: demo accounts exist in Development only",
                environment.EnvironmentName);
            return;
        }
        foreach (var demo in options.Value.DemoAccounts)
        {
            var normalized = Account.Normalize(demo.Username);
            if (await db.Accounts.FirstOrDefaultAsync(a => a.UsernameNormalized == normalized, ct) is { } existing)
            {
                await LinkPractitionerAsync(db, existing, demo, ct);
                continue;
            }
            var now = clock.GetUtcNow();
            var account = new Account
            {
                Username = demo.Username, UsernameNormalized = normalized, PasswordHash = "", Role = demo.Role,
                DisplayName = demo.Username, CreatedAt = now,
            };
            account.PasswordHash = hasher.HashPassword(account, demo.Password);
            if (demo.Phone is { Length: > 0 } phone)
            {
                account.PhoneHash = hashes.Phone(phone);
                account.PhoneEncrypted = encryptor.Encrypt(phone, SecondFactor.PhoneContext(account.Id));
            }
            if (demo.TotpSecret is { Length: > 0 } secret)
                account.TotpSecretEncrypted = encryptor.Encrypt(secret, SecondFactor.TotpContext(account.Id));
            db.Accounts.Add(account);
            if (demo.Self is { } self) AddSelf(db, account, self, demo.Phone ?? "", now);
            await db.SaveChangesAsync(ct);
            await LinkPractitionerAsync(db, account, demo, ct);
            logger.LogInformation("Seeded demo account {Username} ({Role})", demo.Username, demo.Role);
        }
    }

    /// <summary>A demo clinician gets its practitioner once, also when the account predates the link (an existing stack);
    /// a link staff changed or removed later is theirs to keep, because the audit trail then shows a staff change.</summary>
    private async Task LinkPractitionerAsync(IdentityDbContext db, Account account, DemoAccountOptions demo, CancellationToken ct)
    {
        if (demo.PractitionerId is not { Length: > 0 } practitionerId || !account.IsClinician || account.PractitionerHisId is not null) return;
        if (await db.PractitionerLinkChanges.AnyAsync(c => c.AccountId == account.Id, ct)) return;
        if (await db.Accounts.AnyAsync(a => a.PractitionerHisId == practitionerId, ct)) return;
        links.Record(account, practitionerId, null, "演示数据", null);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Linked demo account {Username} to practitioner {PractitionerId}", demo.Username, practitionerId);
    }

    private void AddSelf(IdentityDbContext db, Account account, DemoPatientOptions self, string accountPhone, DateTimeOffset now)
    {
        var idNumber = IdentityDocument.Normalise(self.IdNumber);
        if (ResidentIdNumber.Problem(idNumber, DateOnly.FromDateTime(now.UtcDateTime)) is { } problem)
            throw new InvalidOperationException($"Demo patient of {account.Username}: {problem}");
        var phone = self.Phone ?? accountPhone;
        var patient = new Patient
        {
            AccountId = account.Id, Relation = PatientRelation.Self, Name = self.Name, IdType = IdentityDocumentType.ResidentId,
            IdNumberEncrypted = "", IdNumberHash = hashes.IdNumber(IdentityDocumentType.ResidentId, idNumber), PhoneEncrypted = "",
            Gender = ResidentIdNumber.Gender(idNumber), BirthDate = ResidentIdNumber.BirthDate(idNumber)!.Value,
            VerifiedBy = VerificationMethod.IdCard, VerifiedAt = now, CreatedAt = now,
        };
        patient.IdNumberEncrypted = encryptor.Encrypt(idNumber, PatientContexts.IdNumber(patient.Id));
        patient.PhoneEncrypted = encryptor.Encrypt(phone, PatientContexts.Phone(patient.Id));
        db.Patients.Add(patient);
        outbox.Add(new PatientRegisteredIntegrationEvent(patient.Id, account.Id));
    }
}

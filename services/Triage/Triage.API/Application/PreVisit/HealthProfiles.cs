using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Triage.API.Domain.PreVisit;
using Triage.API.Infrastructure;

namespace Triage.API.Application.PreVisit;

public sealed record HealthProfileDto(Guid PatientId, HealthProfileData Profile, int? Age, DateTimeOffset? UpdatedAt, int Version);

public sealed record HealthProfileInput(HealthProfileData? Profile, int? Version);

public sealed record AllergyDto(string Substance, string ClassCode, string ClassName, string Category, string? Reaction, string? Severity);

public sealed record PatientAllergiesDto(Guid PatientId, bool Recorded, IReadOnlyList<AllergyDto> Allergies, DateTimeOffset? UpdatedAt);

public sealed record HealthVocabularyDto(
    IReadOnlyList<VocabularyItem> AllergyClasses, IReadOnlyList<VocabularyItem> AllergySeverities,
    IReadOnlyList<VocabularyItem> FamilyRelations, IReadOnlyList<BehaviourOptions.Behaviour> Behaviours);

/// <summary>Reading and saving a patient's health profile (R12). Saving checks the entries against the vocabularies and
/// rebuilds the FHIR bundle in the same row.</summary>
public sealed class HealthProfiles(TriageDbContext db, TimeProvider clock)
{
    private const int MaxEntries = 30;
    private const int MaxText = 200;

    public Task<HealthProfile?> FindAsync(Guid patientId, CancellationToken ct) =>
        db.HealthProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.PatientId == patientId, ct);

    public HealthProfileDto ToDto(Guid patientId, HealthProfile? profile) => profile is null
        ? new HealthProfileDto(patientId, HealthProfileData.Empty(), null, null, 0)
        : new HealthProfileDto(patientId, profile.Data, AgeOf(profile.Data.BirthDate), profile.UpdatedAt, profile.Version);

    public int? AgeOf(DateOnly? birthDate)
    {
        if (birthDate is not { } born) return null;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime);
        var age = today.Year - born.Year;
        if (born > today.AddYears(-age)) age--;
        return Math.Max(age, 0);
    }

    public async Task<HealthProfileDto> SaveAsync(Guid patientId, HealthProfileInput input, Guid accountId, CancellationToken ct)
    {
        var data = Normalise(input.Profile ?? throw ProblemException.Invalid(new Dictionary<string, string[]> { ["profile"] = ["请填写健康档案"] }));
        var now = clock.GetUtcNow();
        var bundle = HealthProfileFhir.Serialize(HealthProfileFhir.Bundle(patientId, data, now));
        var row = await db.HealthProfiles.FirstOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (row is null)
        {
            if (input.Version is > 0) throw Stale();
            db.HealthProfiles.Add(row = new HealthProfile { PatientId = patientId, Data = data, FhirBundle = bundle, UpdatedAt = now, UpdatedBy = accountId, Version = 1 });
        }
        else
        {
            if (input.Version is { } version && version != row.Version) throw Stale();
            row.Data = data;
            row.FhirBundle = bundle;
            row.UpdatedAt = now;
            row.UpdatedBy = accountId;
            row.Version++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw Stale();
        }
        return ToDto(patientId, row);
    }

    private static ProblemException Stale() => ProblemException.Conflict("profile_changed", "健康档案已在别处修改，请刷新后再保存");

    private HealthProfileData Normalise(HealthProfileData p)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        var sex = Text(p.Sex)?.ToUpperInvariant() switch { null => null, "M" or "男" => "M", "F" or "女" => "F", _ => "?" };
        if (sex == "?") Error("sex", "性别应为男或女");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime);
        if (p.BirthDate is { } born && (born > today || born < today.AddYears(-120))) Error("birthDate", "出生日期不正确");
        if (p.Pregnant && sex == "M") Error("pregnant", "男性不能填写怀孕");

        List<T> Entries<T>(string field, List<T>? items, Func<T, T?> clean) where T : class
        {
            items ??= [];
            if (items.Count > MaxEntries) Error(field, $"最多填写{MaxEntries}条");
            return items.Select(clean).OfType<T>().ToList();
        }

        bool TooLong(params string?[] values) => values.Any(v => v is { Length: > MaxText });

        var symptoms = Entries("symptoms", p.Symptoms, s => Text(s?.Text) is { } t ? new SymptomEntry(t, Text(s!.Onset)) : null);
        var history = Entries("history", p.History, h => Text(h?.Name) is { } n ? new ConditionEntry(n, Text(h!.Since), h.Resolved) : null);
        var family = Entries("family", p.Family, f => Text(f?.Condition) is { } c ? new FamilyHistoryEntry(Text(f!.Relation) ?? "", c) : null);
        var allergies = Entries("allergies", p.Allergies, a => Text(a?.Substance) is { } s
            ? new AllergyEntry(s, Text(a!.Class) ?? "", Text(a.Reaction), Text(a.Severity)) : null);

        if (symptoms.Any(s => TooLong(s.Text, s.Onset)) || history.Any(h => TooLong(h.Name, h.Since))
            || family.Any(f => TooLong(f.Condition)) || allergies.Any(a => TooLong(a.Substance, a.Reaction)))
            Error("profile", $"每项内容最多{MaxText}字");
        if (family.Any(f => FamilyRelations.All.All(r => r.Code != f.Relation))) Error("family", "请选择亲属关系");
        if (allergies.Any(a => AllergyClasses.Find(a.Class) is null)) Error("allergies", "请选择过敏物的类别");
        if (allergies.Any(a => a.Severity is not null && AllergySeverities.All.All(s => s.Code != a.Severity))) Error("allergies", "过敏严重程度不正确");

        var b = p.Behaviours ?? new HealthBehaviours(null, null, null);
        var behaviours = new HealthBehaviours(Text(b.Smoking), Text(b.Alcohol), Text(b.Exercise));
        foreach (var behaviour in BehaviourOptions.All)
            if (HealthProfileFhir.Answer(behaviours, behaviour) is { } answer && behaviour.Answers.All(a => a.Code != answer))
                Error(behaviour.Key, $"{behaviour.Question}的选项不正确");

        if (errors.Count > 0) throw ProblemException.Invalid(errors);
        return new HealthProfileData(sex, p.BirthDate, p.Pregnant, symptoms, history, family, allergies, behaviours);
    }

    public static IReadOnlyList<AllergyDto> Allergies(HealthProfileData data) => data.Allergies.Select(a =>
    {
        var cls = AllergyClasses.Find(a.Class)!;
        return new AllergyDto(a.Substance, cls.Code, cls.Name, cls.Category!, a.Reaction, a.Severity);
    }).ToList();
}

public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTimeOffset at, string format = "M月d日 HH:mm") =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}

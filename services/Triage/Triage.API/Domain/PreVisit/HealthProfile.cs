namespace Triage.API.Domain.PreVisit;

/// <summary>What a patient (or a family member acting for them) entered before the visit (R12). <see cref="Data"/> is
/// the form as entered; <see cref="FhirBundle"/> is the same content as FHIR R4 resources (Condition, AllergyIntolerance,
/// FamilyMemberHistory, Observation), rebuilt on every save, for the doctor's systems and the HIS adapter.</summary>
public sealed class HealthProfile
{
    public required Guid PatientId { get; init; }
    public required HealthProfileData Data { get; set; }
    public required string FhirBundle { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public required Guid UpdatedBy { get; set; }
    public int Version { get; set; }
}

public sealed record HealthProfileData(
    string? Sex,
    DateOnly? BirthDate,
    bool Pregnant,
    List<SymptomEntry> Symptoms,
    List<ConditionEntry> History,
    List<FamilyHistoryEntry> Family,
    List<AllergyEntry> Allergies,
    HealthBehaviours Behaviours)
{
    public static HealthProfileData Empty() => new(null, null, false, [], [], [], [], new HealthBehaviours(null, null, null));
}

/// <summary>A current complaint in the patient's words and since when (e.g. 3天).</summary>
public sealed record SymptomEntry(string Text, string? Onset);

/// <summary>A past or ongoing illness or operation (既往史); <paramref name="Resolved"/> when cured.</summary>
public sealed record ConditionEntry(string Name, string? Since, bool Resolved);

/// <summary>An illness of a relative (家族史): <paramref name="Relation"/> is one of <see cref="FamilyRelations"/>.</summary>
public sealed record FamilyHistoryEntry(string Relation, string Condition);

/// <summary>An allergy: the substance in the patient's words, its class (a code of <see cref="AllergyClasses"/>, what a
/// pharmacist checks prescriptions against), the reaction and how bad it was.</summary>
public sealed record AllergyEntry(string Substance, string Class, string? Reaction, string? Severity);

/// <summary>Codes of <see cref="BehaviourOptions"/>; null when not answered.</summary>
public sealed record HealthBehaviours(string? Smoking, string? Alcohol, string? Exercise);

namespace Platform.Contracts.His;

/// <summary>One prescribed drug (FHIR MedicationRequest) with how far the pharmacy got (MedicationDispense).
/// <paramref name="Category"/>: outpatient (门诊处方), discharge (出院带药) or inpatient. <paramref name="DrugCode"/> is the
/// HIS formulary code (YP0101), which the drug knowledge base is keyed on. <paramref name="TimesPerDay"/> is null for
/// 必要时 (PRN). <paramref name="DispenseStatus"/>: null (not yet dispensed), preparation, in-progress, completed.</summary>
public record HisPrescriptionLine(
    string HisId, string Category, string? EncounterHisId, string DrugCode, string DrugName, decimal? DoseValue, string DoseUnit,
    int? TimesPerDay, bool AsNeeded, string Route, string DosageText, int? DurationDays, string? Quantity, string Prescriber,
    DateTimeOffset? AuthoredOn, string Status, string? DispenseStatus, DateTimeOffset? DispensedAt);

/// <summary>What the medication-safety check needs to know of the patient, as the HIS records it: age in whole years
/// (not the birth date), sex, pregnancy, weight, allergies (substance texts and codes) and conditions.</summary>
public record HisMedicationContext(
    int? AgeYears, string Sex, bool Pregnant, decimal? WeightKg, IReadOnlyList<string> Allergies, IReadOnlyList<string> Conditions);

/// <summary>A platform patient's prescriptions as the HIS has them now (newest 200), sent whole at the link and whenever
/// a prescription, dispense, allergy or the patient's record changes, so the consumer can replace what it holds.</summary>
public record HisMedicationsSyncedIntegrationEvent(
    Guid PatientId, HisMedicationContext Context, IReadOnlyList<HisPrescriptionLine> Prescriptions) : IntegrationEvent;

using System.Text.Json;
using Hl7.Fhir.Serialization;
using Triage.API.Domain.PreVisit;
using R4 = Hl7.Fhir.Model;

namespace Triage.API.Application.PreVisit;

/// <summary>The health profile as FHIR R4 resources (Firely's model, as Platform.Fhir uses it): symptoms and history as
/// Condition, allergies as AllergyIntolerance, family history as FamilyMemberHistory, behaviours as social-history
/// Observations; all patient-reported, in a collection Bundle.</summary>
public static class HealthProfileFhir
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(R4.ModelInfo.ModelInspector);
    private const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    private const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string Loinc = "http://loinc.org";
    private const string BehaviourAnswers = "https://smart-hospital.example/fhir/CodeSystem/health-behaviour";

    public static string Serialize(R4.Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Json);

    public static R4.Bundle Bundle(Guid patientId, HealthProfileData data, DateTimeOffset at)
    {
        var patient = new R4.ResourceReference($"Patient/{patientId}");
        var recorded = at.ToString("yyyy-MM-ddTHH:mm:sszzz");
        var resources = new List<R4.Resource>();
        resources.AddRange(data.Symptoms.Select(s => Condition(patient, recorded, "encounter-diagnosis", "问诊症状", s.Text, s.Onset, false)));
        resources.AddRange(data.History.Select(h => Condition(patient, recorded, "problem-list-item", "既往史", h.Name, h.Since, h.Resolved)));
        resources.AddRange(data.Allergies.Select(a => Allergy(patient, recorded, a)));
        resources.AddRange(data.Family.Select(f => Family(patient, recorded, f)));
        foreach (var behaviour in BehaviourOptions.All)
            if (Answer(data.Behaviours, behaviour) is { } answer)
                resources.Add(Behaviour(patient, recorded, behaviour, answer));
        if (data.Pregnant)
            resources.Add(new R4.Observation
            {
                Status = R4.ObservationStatus.Final,
                Category = [Coded(ObservationCategory, "social-history", "社会史")],
                Code = Coded(Loinc, "82810-3", "妊娠状态"),
                Subject = patient,
                Effective = new R4.FhirDateTime(recorded),
                Value = Coded("http://snomed.info/sct", "77386006", "妊娠"),
            });
        var bundle = new R4.Bundle { Type = R4.Bundle.BundleType.Collection, Timestamp = at };
        foreach (var resource in resources)
        {
            resource.Id = Guid.CreateVersion7().ToString();
            bundle.Entry.Add(new R4.Bundle.EntryComponent { FullUrl = $"urn:uuid:{resource.Id}", Resource = resource });
        }
        return bundle;
    }

    public static string? Answer(HealthBehaviours b, BehaviourOptions.Behaviour behaviour) => behaviour.Key switch
    {
        "smoking" => b.Smoking,
        "alcohol" => b.Alcohol,
        _ => b.Exercise,
    };

    /// <summary>One allergy as an AllergyIntolerance: the substance as text, the class as a coding of ours.</summary>
    public static R4.AllergyIntolerance Allergy(R4.ResourceReference patient, string recorded, AllergyEntry a)
    {
        var cls = AllergyClasses.Find(a.Class)!;
        var allergy = new R4.AllergyIntolerance
        {
            ClinicalStatus = Coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "活动"),
            VerificationStatus = Coded("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "unconfirmed", "患者自述"),
            Type = R4.AllergyIntolerance.AllergyIntoleranceType.Allergy,
            Category = [cls.Category switch
            {
                "food" => R4.AllergyIntolerance.AllergyIntoleranceCategory.Food,
                "environment" => R4.AllergyIntolerance.AllergyIntoleranceCategory.Environment,
                "biologic" => R4.AllergyIntolerance.AllergyIntoleranceCategory.Biologic,
                _ => R4.AllergyIntolerance.AllergyIntoleranceCategory.Medication,
            }],
            Criticality = a.Severity == "severe" ? R4.AllergyIntolerance.AllergyIntoleranceCriticality.High
                : R4.AllergyIntolerance.AllergyIntoleranceCriticality.Low,
            Code = new R4.CodeableConcept(AllergyClasses.System, cls.Code, cls.Name, a.Substance),
            Patient = patient,
            RecordedDateElement = new R4.FhirDateTime(recorded),
            Asserter = patient,
        };
        if (!string.IsNullOrWhiteSpace(a.Reaction))
            allergy.Reaction.Add(new R4.AllergyIntolerance.ReactionComponent
            {
                Manifestation = [new R4.CodeableConcept { Text = a.Reaction }],
                Severity = a.Severity switch
                {
                    "severe" => R4.AllergyIntolerance.AllergyIntoleranceSeverity.Severe,
                    "moderate" => R4.AllergyIntolerance.AllergyIntoleranceSeverity.Moderate,
                    "mild" => R4.AllergyIntolerance.AllergyIntoleranceSeverity.Mild,
                    _ => null,
                },
            });
        return allergy;
    }

    private static R4.Condition Condition(R4.ResourceReference patient, string recorded, string category, string categoryName,
        string text, string? onset, bool resolved) => new()
    {
        ClinicalStatus = Coded(ConditionClinical, resolved ? "resolved" : "active", resolved ? "已愈" : "活动"),
        VerificationStatus = Coded("http://terminology.hl7.org/CodeSystem/condition-ver-status", "unconfirmed", "患者自述"),
        Category = [Coded(ConditionCategory, category, categoryName)],
        Code = new R4.CodeableConcept { Text = text },
        Subject = patient,
        Onset = string.IsNullOrWhiteSpace(onset) ? null : new R4.FhirString(onset),
        RecordedDateElement = new R4.FhirDateTime(recorded),
        Asserter = patient,
    };

    private static R4.FamilyMemberHistory Family(R4.ResourceReference patient, string recorded, FamilyHistoryEntry f)
    {
        var relation = FamilyRelations.All.First(r => r.Code == f.Relation);
        return new R4.FamilyMemberHistory
        {
            Status = R4.FamilyMemberHistory.FamilyHistoryStatus.Completed,
            Patient = patient,
            DateElement = new R4.FhirDateTime(recorded),
            Relationship = Coded(FamilyRelations.System, relation.Code, relation.Name),
            Condition = [new R4.FamilyMemberHistory.ConditionComponent { Code = new R4.CodeableConcept { Text = f.Condition } }],
        };
    }

    private static R4.Observation Behaviour(R4.ResourceReference patient, string recorded, BehaviourOptions.Behaviour behaviour, string answer)
    {
        var option = behaviour.Answers.First(a => a.Code == answer);
        return new R4.Observation
        {
            Status = R4.ObservationStatus.Final,
            Category = [Coded(ObservationCategory, "social-history", "社会史")],
            Code = Coded(Loinc, behaviour.Loinc, behaviour.Question),
            Subject = patient,
            Effective = new R4.FhirDateTime(recorded),
            Value = Coded($"{BehaviourAnswers}/{behaviour.Key}", option.Code, option.Name),
        };
    }

    private static R4.CodeableConcept Coded(string system, string code, string display) => new(system, code, display) { Text = display };
}

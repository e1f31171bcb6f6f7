using Pharmacy.API.Domain;

namespace Pharmacy.API.Application;

public sealed record SafetyFinding(
    string Key, string Kind, string Severity, string Title, string Detail, string Advice, IReadOnlyList<string> DrugNames,
    IReadOnlyList<string> PrescriptionHisIds);

/// <summary>The knowledge the check works from, loaded once per check.</summary>
public sealed record DrugKnowledge(
    IReadOnlyDictionary<string, Drug> Drugs, IReadOnlyList<DrugInteraction> Interactions, IReadOnlyList<AllergyClass> AllergyClasses);

/// <summary>Checks a patient's current prescriptions against their record (R34): allergy classes (and cross-reactive
/// classes), interaction pairs, duplicate therapy, daily dose above the maximum, age below the minimum, and pregnancy.
/// Pure: the same inputs give the same findings with the same keys, so a re-sync raises nothing new.</summary>
public static class SafetyChecker
{
    public const string AskPharmacist = "请尽快咨询药师或开方医生；在得到答复前不要自行停药或更改剂量。";

    public static IReadOnlyList<SafetyFinding> Check(PatientMedicationContext context, IReadOnlyList<Prescription> current, DrugKnowledge kb)
    {
        var findings = new List<SafetyFinding>();
        var known = current.Where(p => kb.Drugs.ContainsKey(p.DrugCode)).Select(p => (P: p, D: kb.Drugs[p.DrugCode])).ToList();
        foreach (var (p, d) in known)
        {
            Allergy(context, p, d, kb, findings);
            if (d.MaxDailyDoseMg is { } max && p.DailyDoseMg is { } daily && daily > max)
                findings.Add(new($"dose|{p.HisId}", "dose", "high", $"{p.DrugName}剂量超出常规范围",
                    $"处方每日剂量约{Fmt(daily)}mg，说明书成人每日最大剂量为{Fmt(max)}mg。", AskPharmacist, [p.DrugName], [p.HisId]));
            if (context.AgeYears is { } age && age < d.MinAgeYears)
                findings.Add(new($"age|{p.HisId}", "age", "high", $"{p.DrugName}不适用于{age}岁患者",
                    $"说明书规定该药用于{d.MinAgeYears}岁及以上患者。{d.Contraindications}", AskPharmacist, [p.DrugName], [p.HisId]));
            if (context.Pregnant && d.Pregnancy is "contraindicated" or "caution")
                findings.Add(new($"pregnancy|{p.HisId}", "pregnancy", d.Pregnancy == "contraindicated" ? "high" : "moderate",
                    d.Pregnancy == "contraindicated" ? $"{p.DrugName}孕期禁用" : $"{p.DrugName}孕期慎用",
                    $"您的记录显示正在妊娠。{d.Contraindications}", AskPharmacist, [p.DrugName], [p.HisId]));
        }
        for (var i = 0; i < known.Count; i++)
        for (var j = i + 1; j < known.Count; j++)
        {
            var (a, b) = (known[i], known[j]);
            var pair = kb.Interactions.FirstOrDefault(x =>
                (x.DrugA == a.P.DrugCode && x.DrugB == b.P.DrugCode) || (x.DrugA == b.P.DrugCode && x.DrugB == a.P.DrugCode));
            if (pair is not null)
                findings.Add(new($"interaction|{Pair(a.P, b.P)}", "interaction", pair.Severity, $"{a.P.DrugName}与{b.P.DrugName}存在相互作用",
                    pair.Description, $"{pair.Advice}{AskPharmacist}", [a.P.DrugName, b.P.DrugName], [a.P.HisId, b.P.HisId]));
            else if (a.D.TherapeuticGroup == b.D.TherapeuticGroup || a.P.DrugCode == b.P.DrugCode)
                findings.Add(new($"duplicate|{Pair(a.P, b.P)}", "duplicate", "moderate", $"{a.P.DrugName}与{b.P.DrugName}可能重复用药",
                    $"两药属于同一类药物（{a.D.DrugClass}），同时服用可能导致过量。", AskPharmacist, [a.P.DrugName, b.P.DrugName], [a.P.HisId, b.P.HisId]));
        }
        return findings;
    }

    private static void Allergy(PatientMedicationContext context, Prescription p, Drug d, DrugKnowledge kb, List<SafetyFinding> findings)
    {
        if (context.Allergies.Count == 0) return;
        var recorded = kb.AllergyClasses.Where(c => context.Allergies.Any(a => Names(a, c))).ToList();
        var allergyText = string.Join("、", context.Allergies);
        if (context.Allergies.Any(a => a.Contains(d.Name, StringComparison.Ordinal) || d.Name.Contains(a, StringComparison.Ordinal))
            || (d.AllergyClass is { } cls && recorded.Any(c => c.Code == cls)))
        {
            var className = kb.AllergyClasses.FirstOrDefault(c => c.Code == d.AllergyClass)?.Name ?? d.Name;
            findings.Add(new($"allergy|{p.HisId}", "allergy", "high", $"{p.DrugName}与您的过敏史冲突",
                $"您的记录中有“{allergyText}”过敏，{p.DrugName}属于{className}药物，可能引起过敏反应甚至过敏性休克。",
                "在咨询药师或医生之前请不要服用该药；如已服用并出现皮疹、胸闷、呼吸困难，请立即就医。", [p.DrugName], [p.HisId]));
            return;
        }
        if (d.AllergyClass is { } own && recorded.Any(c => c.CrossReactive.Contains(own)))
            findings.Add(new($"allergy|{p.HisId}", "allergy", "moderate", $"{p.DrugName}可能与您的过敏史交叉过敏",
                $"您的记录中有“{allergyText}”过敏，{p.DrugName}与之可能存在交叉过敏。", AskPharmacist, [p.DrugName], [p.HisId]));
    }

    private static bool Names(string allergy, AllergyClass c) =>
        allergy.Contains(c.Name, StringComparison.Ordinal) || c.Name.Contains(allergy, StringComparison.Ordinal)
        || c.Terms.Any(t => allergy.Contains(t, StringComparison.OrdinalIgnoreCase));

    private static string Pair(Prescription a, Prescription b) =>
        string.CompareOrdinal(a.HisId, b.HisId) < 0 ? $"{a.HisId}|{b.HisId}" : $"{b.HisId}|{a.HisId}";

    private static string Fmt(decimal v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

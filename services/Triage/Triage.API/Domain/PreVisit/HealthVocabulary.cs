namespace Triage.API.Domain.PreVisit;

public sealed record VocabularyItem(string Code, string Name, string? Category = null);

/// <summary>Allergy classes a pharmacist checks a prescription against; <c>Category</c> is FHIR's AllergyIntolerance
/// category (medication, food, environment, biologic).</summary>
public static class AllergyClasses
{
    public const string System = "https://smart-hospital.example/fhir/CodeSystem/allergy-class";

    public static readonly IReadOnlyList<VocabularyItem> All =
    [
        new("penicillins", "青霉素类", "medication"),
        new("cephalosporins", "头孢菌素类", "medication"),
        new("sulfonamides", "磺胺类", "medication"),
        new("macrolides", "大环内酯类", "medication"),
        new("quinolones", "喹诺酮类", "medication"),
        new("aminoglycosides", "氨基糖苷类", "medication"),
        new("tetracyclines", "四环素类", "medication"),
        new("nsaids", "解热镇痛药（阿司匹林、布洛芬等）", "medication"),
        new("opioids", "阿片类镇痛药", "medication"),
        new("iodinated-contrast", "碘造影剂", "medication"),
        new("local-anaesthetics", "局部麻醉药", "medication"),
        new("vaccines-biologics", "疫苗及生物制品", "biologic"),
        new("other-medication", "其他药物", "medication"),
        new("food", "食物（海鲜、花生、鸡蛋等）", "food"),
        new("environment", "环境（花粉、尘螨、动物毛发等）", "environment"),
        new("latex", "乳胶", "environment"),
    ];

    public static VocabularyItem? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}

public static class AllergySeverities
{
    public static readonly IReadOnlyList<VocabularyItem> All = [new("mild", "轻度（皮疹、瘙痒）"), new("moderate", "中度"), new("severe", "严重（休克、喉头水肿、呼吸困难）")];
}

/// <summary>Relatives as HL7 v3 RoleCode (FamilyMemberHistory.relationship).</summary>
public static class FamilyRelations
{
    public const string System = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    public static readonly IReadOnlyList<VocabularyItem> All =
    [
        new("FTH", "父亲"), new("MTH", "母亲"), new("SIB", "兄弟姐妹"), new("CHILD", "子女"),
        new("GRPRN", "祖父母/外祖父母"), new("EXT", "其他亲属"),
    ];
}

/// <summary>Health behaviours as social-history Observations: the LOINC question and the answers offered.</summary>
public static class BehaviourOptions
{
    public sealed record Behaviour(string Key, string Loinc, string Question, IReadOnlyList<VocabularyItem> Answers);

    public static readonly Behaviour Smoking = new("smoking", "72166-2", "吸烟情况",
        [new("never", "从不吸烟"), new("former", "已戒烟"), new("occasional", "偶尔吸烟"), new("daily", "每天吸烟")]);
    public static readonly Behaviour Alcohol = new("alcohol", "11331-6", "饮酒情况",
        [new("never", "从不饮酒"), new("former", "已戒酒"), new("occasional", "偶尔饮酒"), new("regular", "经常饮酒")]);
    public static readonly Behaviour Exercise = new("exercise", "73985-4", "运动情况",
        [new("rarely", "很少运动"), new("sometimes", "每周1-2次"), new("regular", "每周3次及以上")]);

    public static readonly IReadOnlyList<Behaviour> All = [Smoking, Alcohol, Exercise];
}

namespace Consultation.API.Extensions;

public sealed class ConsultationOptions
{
    public const string Section = "Consultation";
    public TimeSpan PayWithin { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How long a paid consultation stays open before it ends by itself.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often to ask the HIS adapter for its roster again while this service has none.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Base64 key signing media URLs; required outside Development/Testing.</summary>
    public string MediaSigningKey { get; set; } = "";
    public TimeSpan MediaUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxImageSide { get; set; } = 2048;
    /// <summary>About a minute of Opus or AAC as browsers record it.</summary>
    public long MaxVoiceBytes { get; set; } = 1024 * 1024;
    /// <summary>A doctor newly synced from the HIS takes 图文咨询 at this fee (0: not until they switch it on).</summary>
    public long DefaultTextFeeFen { get; set; }
    public long DefaultFollowUpFeeFen { get; set; }
    public int FollowUpWithinMonths { get; set; } = 12;
    /// <summary>The hospital excludes children from internet follow-up visits below this age (0: no age limit).</summary>
    public int FollowUpMinAge { get; set; } = 18;
    /// <summary>Diagnoses that rule out a follow-up online (critical or rare conditions, pregnancy): words in the HIS diagnosis.</summary>
    public List<string> ExcludedDiagnosisTerms { get; set; } =
        ["妊娠", "孕", "恶性肿瘤", "急性心肌梗死", "脑卒中", "脑梗死", "脑出血", "危重", "罕见病", "休克", "呼吸衰竭"];
    /// <summary>高警示药品 that may not be prescribed online although not narcotic or psychotropic (insulin, warfarin).</summary>
    public List<string> HighRiskDrugCodes { get; set; } = ["YP2203", "YP2204", "YP2101"];
    public TurnOptions Turn { get; set; } = new();
    public string KnowledgeBaseFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase", "drug-knowledge.json");
}

/// <summary>The STUN/TURN server (coturn with use-auth-secret / static-auth-secret = <see cref="Secret"/>).</summary>
public sealed class TurnOptions
{
    public List<string> StunUrls { get; set; } = [];
    public List<string> TurnUrls { get; set; } = [];
    public string Secret { get; set; } = "";
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromMinutes(30);
}

namespace Pharmacy.API.Extensions;

public sealed class PharmacyOptions
{
    public const string Section = "Pharmacy";
    public string KnowledgeBaseFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase", "drug-knowledge.json");
    /// <summary>Where deliveries go: "省/市" → the districts served; cold chain only to <see cref="ColdChainDistricts"/>.</summary>
    public Dictionary<string, List<string>> Regions { get; set; } = new()
    {
        ["湖北省/江城市"] = ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区"],
    };
    public List<string> ColdChainDistricts { get; set; } = ["江岸区", "江汉区", "武昌区"];
    public long DeliveryFeeFen { get; set; } = 1000;
    public long ColdChainSurchargeFen { get; set; } = 800;
    public TimeSpan PayWithin { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How often the dose-reminder worker looks for due doses.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromSeconds(30);
    public CourierOptions Courier { get; set; } = new();
}

public sealed class CourierOptions
{
    public string BaseUrl { get; set; } = "http://127.0.0.1:5308/";
    public string AppId { get; set; } = "jcsy-pharmacy";
    public string AppSecret { get; set; } = "courier-local-secret";
    /// <summary>Where the courier posts status callbacks (the edge's /api/pharmacy/courier/callbacks).</summary>
    public string CallbackUrl { get; set; } = "http://127.0.0.1:5108/api/pharmacy/courier/callbacks";
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}

namespace Convenience.API.Domain;

/// <summary>One service in the catalogue (轮椅租借, 病历复印…) with the rules an order must meet.</summary>
public sealed class ServiceItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Stable code ("wheelchair", "record-copy"): seeds and tests find items by it.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Category { get; set; }
    public string Description { get; set; } = "";
    public long PriceFen { get; set; }
    public string Unit { get; set; } = "次";
    /// <summary>Who fulfils it (see <see cref="Providers"/>): each provider works its own inbox.</summary>
    public required string Provider { get; set; }
    /// <summary>Units that can be handed out now; null when the service is not limited by stock.</summary>
    public int? Stock { get; set; }
    /// <summary>Rented things (wheelchairs, power banks) come back to stock when the order is completed.</summary>
    public bool Returnable { get; set; }
    public int MaxQuantity { get; set; } = 1;
    /// <summary>Only for patients in a ward now (meals, caregivers).</summary>
    public bool InpatientOnly { get; set; }
    /// <summary>Posted to the patient (record copies, films, decoctions): a mailing address is required.</summary>
    public bool NeedsAddress { get; set; }
    /// <summary>What must be shown on collection or delivery (身份证原件…); the patient acknowledges it when ordering.</summary>
    public string? MustShow { get; set; }
    public bool Active { get; set; } = true;
    public List<ServiceWindow> Windows { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A daily time window (Asia/Shanghai) in which the service is given, with how many orders it takes per day.</summary>
public sealed class ServiceWindow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int CapacityPerDay { get; set; }
    public bool Active { get; set; } = true;
    public string Text => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>How many orders a window holds on one date: one row per (window, date), counted up in a single guarded
/// statement so two patients can never both take the last place.</summary>
public sealed class WindowBooking
{
    public Guid WindowId { get; set; }
    public DateOnly Date { get; set; }
    public int Booked { get; set; }
}

public static class Providers
{
    public const string ServiceCentre = "service-centre";
    public const string Canteen = "canteen";
    public const string Parking = "parking";
    public const string CaregiverCompany = "caregiver-company";
    public const string Volunteers = "volunteers";
    public const string DecoctionRoom = "decoction-room";
    public const string RecordOffice = "record-office";
    public const string ImagingDesk = "imaging-desk";

    public static readonly string[] All = [ServiceCentre, Canteen, Parking, CaregiverCompany, Volunteers, DecoctionRoom, RecordOffice, ImagingDesk];

    public static string TextOf(string provider) => provider switch
    {
        ServiceCentre => "门诊服务中心", Canteen => "营养膳食科", Parking => "停车场管理处", CaregiverCompany => "护工公司",
        Volunteers => "志愿者服务站", DecoctionRoom => "中药煎药室", RecordOffice => "病案复印室", ImagingDesk => "影像科胶片室", _ => provider,
    };
}

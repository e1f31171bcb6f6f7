namespace Convenience.API.Extensions;

public sealed class ConvenienceOptions
{
    public const string Section = "Convenience";
    public TimeSpan PayWithin { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Districts nurses visit (医护到家 service area).</summary>
    public List<string> HomeCareDistricts { get; set; } = ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区"];
    /// <summary>How many days ahead a home visit may be booked.</summary>
    public int HomeCareDaysAhead { get; set; } = 14;
    /// <summary>Visits are booked from tomorrow, so the nursing department can plan the day; the demo stack allows today,
    /// so a visit can be ordered and followed to its record in one sitting.</summary>
    public bool HomeCareFromToday { get; set; }
    public int HomeVisitsPerHalfDay { get; set; } = 20;
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromSeconds(30);
}

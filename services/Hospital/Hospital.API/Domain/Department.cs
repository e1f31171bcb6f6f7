namespace Hospital.API.Domain;

/// <summary>A clinical or medical-technology department as patients see it: where it is and how to reach it.</summary>
public sealed class Department
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Campus { get; set; }
    public string Building { get; set; } = "";
    public string Floor { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Summary { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; } = 1;
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The HIS owns where a department is and how to reach it; the summary is curated by staff here and
    /// only filled from the HIS while empty. Returns whether anything patients see changed.</summary>
    public bool SyncFromHis(string name, string campus, string building, string floor, string phone, string summary, bool active,
        DateTimeOffset now)
    {
        var changed = Name != name || Campus != campus || Building != building || Floor != floor || Phone != phone
            || IsActive != active || (Summary.Length == 0 && summary.Length > 0);
        if (!changed) return false;
        Name = name;
        Campus = campus;
        Building = building;
        Floor = floor;
        Phone = phone;
        IsActive = active;
        if (Summary.Length == 0) Summary = summary;
        Version++;
        UpdatedAt = now;
        return true;
    }

    public void Revise(string name, string summary, string phone, string building, string floor, DateTimeOffset now)
    {
        Name = name;
        Summary = summary;
        Phone = phone;
        Building = building;
        Floor = floor;
        Version++;
        UpdatedAt = now;
    }
}

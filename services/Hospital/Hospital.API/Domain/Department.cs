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
    public int Version { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public void Revise(string name, string summary, string phone, string building, string floor)
    {
        Name = name;
        Summary = summary;
        Phone = phone;
        Building = building;
        Floor = floor;
        Version++;
        UpdatedAt = DateTimeOffset.UtcNow;
    }
}

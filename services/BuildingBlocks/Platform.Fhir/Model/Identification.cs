namespace Platform.Fhir.Model;

public class Identifier : Element
{
    public string? Use { get; set; }
    public CodeableConcept? Type { get; set; }
    public string? System { get; set; }
    public string? Value { get; set; }
    public Period? Period { get; set; }
    public Reference? Assigner { get; set; }

    public static Identifier Of(string system, string value) => new() { System = system, Value = value };
}

public class HumanName : Element
{
    public string? Use { get; set; }
    public string? Text { get; set; }
    public string? Family { get; set; }
    public List<string> Given { get; set; } = [];
    public List<string> Prefix { get; set; } = [];
    public List<string> Suffix { get; set; } = [];
    public Period? Period { get; set; }
}

public class ContactPoint : Element
{
    public string? System { get; set; }
    public string? Value { get; set; }
    public string? Use { get; set; }
    public int? Rank { get; set; }
    public Period? Period { get; set; }
}

public class Address : Element
{
    public string? Use { get; set; }
    public string? Type { get; set; }
    public string? Text { get; set; }
    public List<string> Line { get; set; } = [];
    public string? City { get; set; }
    public string? District { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public Period? Period { get; set; }
}

public class ContactDetail : Element
{
    public string? Name { get; set; }
    public List<ContactPoint> Telecom { get; set; } = [];
}

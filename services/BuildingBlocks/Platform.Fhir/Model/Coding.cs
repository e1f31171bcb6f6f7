namespace Platform.Fhir.Model;

public class Coding : Element
{
    public string? System { get; set; }
    public string? Version { get; set; }
    public string? Code { get; set; }
    public string? Display { get; set; }
    public bool? UserSelected { get; set; }

    public static Coding Of(string system, string code, string? display = null) =>
        new() { System = system, Code = code, Display = display };
}

public class CodeableConcept : Element
{
    public List<Coding> Coding { get; set; } = [];
    public string? Text { get; set; }

    public static CodeableConcept Of(string system, string code, string? display = null, string? text = null) =>
        new() { Coding = [Model.Coding.Of(system, code, display)], Text = text };

    public bool HasCoding(string system, string code) => Coding.Any(c => c.System == system && c.Code == code);
}

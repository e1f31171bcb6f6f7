namespace Platform.Fhir.Model;

public class Meta : Element
{
    public string? VersionId { get; set; }
    public FhirDateTime? LastUpdated { get; set; }
    public string? Source { get; set; }
    public List<string> Profile { get; set; } = [];
    public List<Coding> Security { get; set; } = [];
    public List<Coding> Tag { get; set; } = [];
}

public class Narrative : Element
{
    public string? Status { get; set; }
    public string? Div { get; set; }

    /// <summary>A generated narrative whose text is XHTML-escaped into the required div.</summary>
    public static Narrative Generated(string text) => new()
    {
        Status = "generated",
        Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{System.Net.WebUtility.HtmlEncode(text)}</div>",
    };
}

public class Annotation : Element
{
    public Reference? AuthorReference { get; set; }
    public string? AuthorString { get; set; }
    public FhirDateTime? Time { get; set; }
    public string? Text { get; set; }
}

public class Attachment : Element
{
    public string? ContentType { get; set; }
    public string? Language { get; set; }
    /// <summary>base64Binary content.</summary>
    public string? Data { get; set; }
    public string? Url { get; set; }
    public int? Size { get; set; }
    /// <summary>base64 SHA-1 of the data.</summary>
    public string? Hash { get; set; }
    public string? Title { get; set; }
    public FhirDateTime? Creation { get; set; }
}

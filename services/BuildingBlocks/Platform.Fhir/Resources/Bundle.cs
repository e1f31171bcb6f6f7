namespace Platform.Fhir.Resources;

public class Bundle : Resource
{
    protected override string TypeName => "Bundle";

    public Identifier? Identifier { get; set; }
    /// <summary>document | message | transaction | transaction-response | batch | batch-response | history | searchset | collection</summary>
    public string? Type { get; set; }
    public FhirDateTime? Timestamp { get; set; }
    public int? Total { get; set; }
    public List<LinkComponent> Link { get; set; } = [];
    public List<EntryComponent> Entry { get; set; } = [];

    public string? NextLink => Link.FirstOrDefault(l => l.Relation == "next")?.Url;

    /// <summary>The resources a search matched, without _include'd or outcome entries.</summary>
    public IEnumerable<TResource> Matches<TResource>() where TResource : Resource =>
        Entry.Where(e => e.Search?.Mode is null or "match").Select(e => e.Resource).OfType<TResource>();

    /// <summary>Every resource of a type in the bundle, e.g. the Patients an _include brought along.</summary>
    public IEnumerable<TResource> ResourcesOf<TResource>() where TResource : Resource =>
        Entry.Select(e => e.Resource).OfType<TResource>();

    public class LinkComponent : BackboneElement
    {
        public string? Relation { get; set; }
        public string? Url { get; set; }
    }

    public class EntryComponent : BackboneElement
    {
        public List<LinkComponent> Link { get; set; } = [];
        public string? FullUrl { get; set; }
        public Resource? Resource { get; set; }
        public SearchComponent? Search { get; set; }
        public RequestComponent? Request { get; set; }
        public ResponseComponent? Response { get; set; }
    }

    public class SearchComponent : BackboneElement
    {
        /// <summary>match | include | outcome</summary>
        public string? Mode { get; set; }
        public decimal? Score { get; set; }
    }

    public class RequestComponent : BackboneElement
    {
        /// <summary>GET | HEAD | POST | PUT | DELETE | PATCH</summary>
        public string? Method { get; set; }
        public string? Url { get; set; }
        public string? IfNoneMatch { get; set; }
        public FhirDateTime? IfModifiedSince { get; set; }
        public string? IfMatch { get; set; }
        public string? IfNoneExist { get; set; }
    }

    public class ResponseComponent : BackboneElement
    {
        public string? Status { get; set; }
        public string? Location { get; set; }
        public string? Etag { get; set; }
        public FhirDateTime? LastModified { get; set; }
        public Resource? Outcome { get; set; }
    }
}

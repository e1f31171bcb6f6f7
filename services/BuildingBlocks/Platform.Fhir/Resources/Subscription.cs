namespace Platform.Fhir.Resources;

public class Subscription : DomainResource
{
    protected override string TypeName => "Subscription";

    /// <summary>requested | active | error | off</summary>
    public string? Status { get; set; }
    public List<ContactPoint> Contact { get; set; } = [];
    public FhirDateTime? End { get; set; }
    public string? Reason { get; set; }
    public string? Criteria { get; set; }
    public string? Error { get; set; }
    public ChannelComponent? Channel { get; set; }

    public class ChannelComponent : BackboneElement
    {
        /// <summary>rest-hook | websocket | email | sms | message</summary>
        public string? Type { get; set; }
        public string? Endpoint { get; set; }
        public string? Payload { get; set; }
        public List<string> Header { get; set; } = [];
    }
}

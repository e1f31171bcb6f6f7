namespace Platform.Fhir.Resources;

public class CapabilityStatement : DomainResource
{
    protected override string TypeName => "CapabilityStatement";

    public string? Url { get; set; }
    public string? Version { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    /// <summary>draft | active | retired | unknown</summary>
    public string? Status { get; set; }
    public bool? Experimental { get; set; }
    public FhirDateTime? Date { get; set; }
    public string? Publisher { get; set; }
    public List<ContactDetail> Contact { get; set; } = [];
    public string? Description { get; set; }
    /// <summary>instance | capability | requirements</summary>
    public string? Kind { get; set; }
    public List<string> Instantiates { get; set; } = [];
    public SoftwareComponent? Software { get; set; }
    public ImplementationComponent? Implementation { get; set; }
    public string? FhirVersion { get; set; }
    public List<string> Format { get; set; } = [];
    public List<string> PatchFormat { get; set; } = [];
    public List<string> ImplementationGuide { get; set; } = [];
    public List<RestComponent> Rest { get; set; } = [];

    public class SoftwareComponent : BackboneElement
    {
        public string? Name { get; set; }
        public string? Version { get; set; }
        public FhirDateTime? ReleaseDate { get; set; }
    }

    public class ImplementationComponent : BackboneElement
    {
        public string? Description { get; set; }
        public string? Url { get; set; }
    }

    public class RestComponent : BackboneElement
    {
        /// <summary>client | server</summary>
        public string? Mode { get; set; }
        public string? Documentation { get; set; }
        public SecurityComponent? Security { get; set; }
        public List<ResourceComponent> Resource { get; set; } = [];
        public List<InteractionComponent> Interaction { get; set; } = [];
        public List<SearchParamComponent> SearchParam { get; set; } = [];
        public List<OperationComponent> Operation { get; set; } = [];
    }

    public class SecurityComponent : BackboneElement
    {
        public bool? Cors { get; set; }
        public List<CodeableConcept> Service { get; set; } = [];
        public string? Description { get; set; }
    }

    public class ResourceComponent : BackboneElement
    {
        public string? Type { get; set; }
        public string? Profile { get; set; }
        public List<string> SupportedProfile { get; set; } = [];
        public string? Documentation { get; set; }
        public List<InteractionComponent> Interaction { get; set; } = [];
        /// <summary>no-version | versioned | versioned-update</summary>
        public string? Versioning { get; set; }
        public bool? ReadHistory { get; set; }
        public bool? UpdateCreate { get; set; }
        public bool? ConditionalCreate { get; set; }
        public string? ConditionalRead { get; set; }
        public bool? ConditionalUpdate { get; set; }
        public string? ConditionalDelete { get; set; }
        public List<string> ReferencePolicy { get; set; } = [];
        public List<string> SearchInclude { get; set; } = [];
        public List<string> SearchRevInclude { get; set; } = [];
        public List<SearchParamComponent> SearchParam { get; set; } = [];
        public List<OperationComponent> Operation { get; set; } = [];
    }

    public class InteractionComponent : BackboneElement
    {
        /// <summary>read | vread | update | patch | delete | history-instance | history-type | create | search-type
        /// (resource level) or transaction | batch | search-system | history-system (system level)</summary>
        public string? Code { get; set; }
        public string? Documentation { get; set; }
    }

    public class SearchParamComponent : BackboneElement
    {
        public string? Name { get; set; }
        public string? Definition { get; set; }
        public string? Type { get; set; }
        public string? Documentation { get; set; }
    }

    public class OperationComponent : BackboneElement
    {
        public string? Name { get; set; }
        public string? Definition { get; set; }
        public string? Documentation { get; set; }
    }
}

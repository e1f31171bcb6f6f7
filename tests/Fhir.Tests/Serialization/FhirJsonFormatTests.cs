using System.Text.Json.Nodes;
using Platform.Fhir;
using Platform.Fhir.Model;
using Platform.Fhir.Resources;

namespace Fhir.Tests.Serialization;

public class FhirJsonFormatTests
{
    [Fact]
    public void Empty_values_are_never_written()
    {
        var patient = new Patient
        {
            Id = "p1",
            Name = [new HumanName(), new HumanName { Family = "张" }],
            Telecom = [],
            Gender = "",
            Meta = new Meta(),
            Identifier = [new Identifier { Type = new CodeableConcept { Coding = [new Coding()] }, Value = "x" }],
        };

        var json = FhirJson.Serialize(patient);

        Assert.Equal("""{"resourceType":"Patient","id":"p1","identifier":[{"value":"x"}],"name":[{"family":"张"}]}""", json);
    }

    [Fact]
    public void Decimals_keep_their_written_precision()
    {
        const string json = """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":0.3650}}""";

        var observation = FhirJson.Parse<Observation>(json);

        Assert.Equal("0.3650", observation.ValueQuantity!.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"value\":0.3650", FhirJson.Serialize(observation));
    }

    [Fact]
    public void Unknown_elements_are_kept_and_readable()
    {
        var patient = FhirJson.Parse<Patient>(Samples.Read("Patient.json"));

        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", patient.AdditionalElements!["hisWechatOpenId"].GetString());
        Assert.True(patient.AdditionalElements.ContainsKey("_birthDate"));
    }

    [Fact]
    public void Choice_elements_and_extensions_are_typed()
    {
        var observation = FhirJson.Parse<Observation>(Samples.Read("Observation.json"));

        Assert.Equal(118.0m, observation.ValueQuantity!.Value);
        Assert.Equal("L", observation.Interpretation[0].Coding[0].Code);
        Assert.Equal(130m, observation.ReferenceRange[0].Low!.Value);
        Assert.Equal("Sysmex XN-9000", observation.GetExtension("urn:his:ext:instrument")!.ValueString);
        Assert.Equal("溶血(-)", observation.Component[2].ValueString);
    }

    [Fact]
    public void Unknown_resource_types_inside_a_bundle_round_trip()
    {
        var bundle = FhirJson.Parse<Bundle>(Samples.Read("Bundle.json"));

        var basic = Assert.IsType<UnknownResource>(bundle.Entry[2].Resource);
        Assert.Equal("Basic", basic.ResourceType);
        Assert.Equal("b-1", basic.Id);
        Assert.Equal("1", basic.Meta!.VersionId);
        var written = JsonNode.Parse(FhirJson.Serialize(bundle))!;
        Assert.Equal("Basic", written["entry"]![2]!["resource"]!["resourceType"]!.GetValue<string>());
        Assert.Equal("五一调休", written["entry"]![2]!["resource"]!["extension"]![0]!["valueString"]!.GetValue<string>());
    }

    [Fact]
    public void Bundle_helpers_separate_matches_from_includes()
    {
        var bundle = FhirJson.Parse<Bundle>(Samples.Read("Bundle.json"));

        Assert.Single(bundle.Matches<Appointment>());
        Assert.Single(bundle.ResourcesOf<Patient>());
        Assert.Empty(bundle.Matches<Patient>());
        Assert.EndsWith("_page=2", bundle.NextLink);
    }

    [Fact]
    public void Parsing_the_wrong_type_is_an_error()
    {
        var error = Assert.Throws<FhirParseException>(() => FhirJson.Parse<Patient>(Samples.Read("Slot.json")));
        Assert.Contains("Slot", error.Message);
    }

    [Theory]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"resourceType":"Patient","birthDate":"1985-3-12"}""")]
    [InlineData("""{"resourceType":"Patient","active":"yes"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"resourceType":"Patient",""")]
    public void Malformed_json_is_a_parse_error(string json)
    {
        Assert.Throws<FhirParseException>(() => FhirJson.Parse(json));
    }

    [Fact]
    public void Contained_resources_are_polymorphic()
    {
        var bundle = FhirJson.Parse<Bundle>(Samples.Read("Bundle.transaction.json"));

        var appointment = Assert.IsType<Appointment>(bundle.Entry[0].Resource);
        var contained = Assert.IsType<Patient>(Assert.Single(appointment.Contained));
        Assert.Equal("王五", contained.Name[0].Text);
    }

    [Fact]
    public void Semantic_comparison_notices_precision_order_and_missing_elements()
    {
        Assert.NotEmpty(JsonSemantics.Differences("""{"a":118.0}""", """{"a":118}"""));
        Assert.NotEmpty(JsonSemantics.Differences("""{"a":[1,2]}""", """{"a":[2,1]}"""));
        Assert.NotEmpty(JsonSemantics.Differences("""{"a":1,"b":2}""", """{"a":1}"""));
        Assert.NotEmpty(JsonSemantics.Differences("""{"a":"1"}""", """{"a":1}"""));
        Assert.Empty(JsonSemantics.Differences("""{"a":1,"b":{"c":"张"}}""", """{"b":{"c":"张"},"a":1}"""));
    }
}

using System.Text;
using System.Text.Json;
using Platform.Fhir;
using Platform.Fhir.Model;
using Platform.Fhir.Serialization;

namespace Fhir.Tests.Serialization;

public class RoundTripTests
{
    public static TheoryData<string> SampleFiles => new(Samples.FileNames);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_survives_a_round_trip_unchanged(string fileName)
    {
        var original = Samples.Read(fileName);

        var resource = FhirJson.Parse(original);
        var written = FhirJson.Serialize(resource);

        Assert.Equal(Samples.ResourceTypeOf(fileName), resource.ResourceType);
        Assert.IsType(ResourceTypeRegistry.Resolve(resource.ResourceType)!, resource);
        JsonSemantics.AssertEquivalent(original, written);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Written_json_starts_with_resourceType(string fileName)
    {
        var written = FhirJson.Serialize(FhirJson.Parse(Samples.Read(fileName)));

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(written));
        reader.Read();
        reader.Read();
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        Assert.Equal("resourceType", reader.GetString());
    }

    [Fact]
    public void Every_resource_class_of_the_model_has_a_sample()
    {
        var sampled = Samples.FileNames.Select(Samples.ResourceTypeOf).ToHashSet();

        var missing = ResourceTypeRegistry.KnownTypeNames.Where(name => !sampled.Contains(name)).Order().ToList();

        Assert.Empty(missing);
        Assert.Equal(31, ResourceTypeRegistry.KnownTypeNames.Count);
    }

    [Fact]
    public void Round_trip_through_indented_output_is_the_same()
    {
        var original = Samples.Read("Observation.json");

        var indented = FhirJson.Serialize(FhirJson.Parse(original), indented: true);

        Assert.Contains("\n", indented);
        JsonSemantics.AssertEquivalent(original, indented);
    }

    [Fact]
    public async Task Parsing_from_a_stream_gives_the_typed_resource()
    {
        await using var stream = File.OpenRead(Path.Combine(Samples.Directory, "Patient.json"));

        var patient = await FhirJson.ParseAsync<Platform.Fhir.Resources.Patient>(stream);

        Assert.Equal("张三", patient.Name[0].Text);
        Assert.Equal(new FhirDateTime("1985-03-12"), patient.BirthDate);
    }
}

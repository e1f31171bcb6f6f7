using Platform.Fhir.Model;
using Platform.Fhir.Resources;
using Platform.Fhir.Search;

namespace Fhir.Tests.Search;

public class SearchParametersTests
{
    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("$100", @"\$100")]
    [InlineData("x|y", @"x\|y")]
    [InlineData(@"c:\temp", @"c:\\temp")]
    [InlineData("张三", "张三")]
    public void Values_escape_the_fhir_special_characters(string raw, string escaped)
    {
        Assert.Equal(escaped, SearchParameters.Escape(raw));
    }

    [Fact]
    public void Tokens_keep_their_separator_but_escape_their_parts()
    {
        var query = new SearchParameters().Token("identifier", "urn:his|mrn", "A,1").Parameters.Single();

        Assert.Equal(@"urn:his\|mrn|A\,1", query.Value);
    }

    [Fact]
    public void Query_string_is_url_encoded_after_fhir_escaping()
    {
        var query = new SearchParameters()
            .String("name", "张,三", StringMatch.Exact)
            .Identifier("urn:oid:2.16.156.10011.1.1", "110101198503120017")
            .ToQueryString();

        Assert.Equal(
            "name:exact=%E5%BC%A0%5C%2C%E4%B8%89&identifier=urn%3Aoid%3A2.16.156.10011.1.1%7C110101198503120017",
            query);
    }

    [Fact]
    public void Prefixes_are_written_before_dates_numbers_and_quantities()
    {
        var parameters = new SearchParameters()
            .Date("date", SearchPrefix.Ge, new FhirDateTime("2024-05-06T00:00:00+08:00"))
            .Date("date", SearchPrefix.Lt, new FhirDateTime("2024-05-07"))
            .Number("priority", SearchPrefix.Gt, 2.50m)
            .Quantity("value-quantity", SearchPrefix.Le, 5.4m, "http://unitsofmeasure.org", "mmol/L")
            .Parameters;

        Assert.Equal(
            ["ge2024-05-06T00:00:00+08:00", "lt2024-05-07", "gt2.50", "le5.4|http://unitsofmeasure.org|mmol/L"],
            parameters.Select(p => p.Value));
    }

    [Fact]
    public void References_include_count_and_alternatives_are_fhir_syntax()
    {
        var parameters = new SearchParameters()
            .Reference<Patient>("patient", "p-1001")
            .AnyToken("status", null, "booked", "arrived")
            .Include("Appointment", "patient")
            .RevInclude("Slot", "schedule", "Schedule")
            .Missing("end", true)
            .Sort("-date", "_id")
            .Count(50);

        Assert.Equal(
            "patient=Patient%2Fp-1001&status=booked%2Carrived&_include=Appointment%3Apatient"
            + "&_revinclude=Slot%3Aschedule%3ASchedule&end:missing=true&_sort=-date%2C_id&_count=50",
            parameters.ToQueryString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("name=x")]
    [InlineData("a b")]
    public void Invalid_parameter_names_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new SearchParameters().Add(name, "x"));
    }

    [Fact]
    public void Page_size_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchParameters().Count(0));
    }
}

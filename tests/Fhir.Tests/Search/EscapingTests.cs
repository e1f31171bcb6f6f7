using Hl7.Fhir.Rest;
using Platform.Fhir.Search;

namespace Fhir.Tests.Search;

public class EscapingTests
{
    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("$100", @"\$100")]
    [InlineData("x|y", @"x\|y")]
    [InlineData(@"c:\temp", @"c:\\temp")]
    [InlineData("张三", "张三")]
    public void Values_escape_the_fhir_special_characters(string raw, string escaped)
    {
        Assert.Equal(escaped, FhirSearch.Escape(raw));
    }

    [Fact]
    public void Tokens_keep_their_separator_but_escape_their_parts()
    {
        var query = new SearchParams().AddToken("identifier", "urn:his|mrn", "A,1");

        Assert.Equal(@"urn:his\|mrn|A\,1", query.Parameters.Single().Item2);
    }

    [Fact]
    public void Alternatives_are_joined_by_commas_and_each_escaped()
    {
        var query = new SearchParams().AddAnyOf("_id", ["a,1", "b"]).AddReference("subject", "Patient", "p$1");

        Assert.Equal([@"a\,1,b", @"Patient/p\$1"], query.Parameters.Select(p => p.Item2));
    }

    [Fact]
    public void Dates_carry_their_prefix_and_offset()
    {
        var query = new SearchParams().AddDate("start", "ge", new DateTimeOffset(2024, 5, 6, 0, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal("ge2024-05-06T00:00:00+08:00", query.Parameters.Single().Item2);
    }
}

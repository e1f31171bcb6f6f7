using Hospital.API.Application.Navigation;
using Platform.ServiceDefaults.Problems;

namespace Hospital.Tests;

public sealed class SvgSanitizerTests
{
    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>""", "alert")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><rect width="5" height="5"/></svg>""", "onload")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5" OnMouseOver="x()"/></svg>""", "x()")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><use xlink:href="https://evil.example/s.svg#a"/></svg>""", "evil.example")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><a href="javascript:alert(1)"><text>x</text></a></svg>""", "javascript")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject></svg>""", "evil.example")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5" style="fill:url(https://evil.example/p)"/></svg>""", "evil.example")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>@import url(https://evil.example/a.css);</style></svg>""", "evil.example")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>""", "data:")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><set attributeName="href" to="javascript:alert(1)"/></svg>""", "javascript")]
    public void Scripts_handlers_and_external_references_are_removed(string svg, string forbidden)
    {
        var clean = SvgSanitizer.Sanitize(svg).Svg;
        Assert.DoesNotContain(forbidden, clean, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<svg", clean);
    }

    [Fact]
    public void Drawing_survives_with_same_document_references_and_its_size()
    {
        var result = SvgSanitizer.Sanitize(
            """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 500"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect x="1" y="2" width="30" height="40" fill="url(#g)"/><text x="5" y="9">门诊采血处</text></svg>""");
        Assert.Contains("url(#g)", result.Svg);
        Assert.Contains("门诊采血处", result.Svg);
        Assert.Equal(800, result.Width);
        Assert.Equal(500, result.Height);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<html><body>x</body></html>")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>""")]
    [InlineData("""<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5 5"><text>&x;</text></svg>""")]
    public void Anything_but_a_sized_svg_is_refused_in_chinese(string input)
    {
        var error = Assert.Throws<ProblemException>(() => SvgSanitizer.Sanitize(input));
        Assert.Equal(400, error.Status);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Errors!["svg"][0]);
    }
}

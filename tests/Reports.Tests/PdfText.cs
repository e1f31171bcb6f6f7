using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Reports.Tests;

/// <summary>The text a PDF draws, per page: PDFsharp writes CJK text as glyph ids (Identity-H), so the glyph strings
/// of each page's content streams are mapped back to characters through the fonts' ToUnicode maps.</summary>
public static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var map = new Dictionary<int, string>();
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            foreach (var name in fonts?.Elements.Keys ?? [])
            {
                var font = fonts!.Elements.GetDictionary(name);
                if (font?.Elements.GetDictionary("/ToUnicode")?.Stream is { } cmap) ReadCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue), map);
            }
            var text = new StringBuilder();
            foreach (var item in page.Contents.Elements)
            {
                var content = item is PdfReference r ? r.Value as PdfDictionary : item as PdfDictionary;
                if (content?.Stream is null) continue;
                foreach (Match shown in Shown().Matches(Encoding.Latin1.GetString(content.Stream.UnfilteredValue)))
                {
                    // Text PDFsharp can encode as ANSI is written as a literal string; the rest as glyph ids.
                    if (shown.Groups["literal"].Success) text.Append(shown.Groups["literal"].Value.Replace("\\(", "(").Replace("\\)", ")"));
                    var hex = new string(shown.Groups["hex"].Value.Where(char.IsAsciiHexDigit).ToArray());
                    for (var i = 0; i + 4 <= hex.Length; i += 4)
                        text.Append(map.GetValueOrDefault(int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber), "\uFFFD"));
                    text.Append('\n');
                }
            }
            pages.Add(text.ToString());
        }
        return pages;
    }

    private static void ReadCMap(string cmap, Dictionary<int, string> map)
    {
        foreach (Match block in Block("bfrange").Matches(cmap))
        foreach (Match m in BfRange().Matches(block.Groups[1].Value))
        {
            int from = Hex(m.Groups[1].Value), to = Hex(m.Groups[2].Value), unicode = Hex(m.Groups[3].Value);
            for (var g = from; g <= to; g++) map[g] = char.ConvertFromUtf32(unicode + g - from);
        }
        foreach (Match block in Block("bfchar").Matches(cmap))
        foreach (Match m in BfChar().Matches(block.Groups[1].Value)) map[Hex(m.Groups[1].Value)] = Utf16(m.Groups[2].Value);
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber);

    private static string Utf16(string hex) =>
        new(Enumerable.Range(0, hex.Length / 4).Select(i => (char)Hex(hex.Substring(i * 4, 4))).ToArray());

    private static Regex Block(string kind) => new($@"begin{kind}(.*?)end{kind}", RegexOptions.Singleline);

    [GeneratedRegex(@"(?:<(?<hex>[0-9A-Fa-f\s]+)>|\((?<literal>(?:[^()\\]|\\.)*)\))\s*Tj")]
    private static partial Regex Shown();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>")]
    private static partial Regex BfRange();

    [GeneratedRegex(@"^\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>\s*$", RegexOptions.Multiline)]
    private static partial Regex BfChar();
}

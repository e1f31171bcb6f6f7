using System.Xml.Linq;

namespace Rubric.Report;

/// <summary>Outcome per test method from a VSTest TRX file; a theory passes only if all its cases pass.</summary>
internal static class TrxOutcomes
{
    public static Dictionary<string, bool> Read(string trxPath)
    {
        var outcomes = new Dictionary<string, bool>();
        if (!File.Exists(trxPath)) return outcomes;
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        foreach (var result in XDocument.Load(trxPath).Descendants(ns + "UnitTestResult"))
        {
            var name = (string?)result.Attribute("testName") ?? "";
            var paren = name.IndexOf('(');
            if (paren >= 0) name = name[..paren];
            var passed = (string?)result.Attribute("outcome") == "Passed";
            outcomes[name] = outcomes.TryGetValue(name, out var before) ? before && passed : passed;
        }
        return outcomes;
    }
}

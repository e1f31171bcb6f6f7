namespace Rubric.Report;

internal sealed record ReportOptions(string RubricPath, string TrxPath, string AssemblyPath)
{
    public static ReportOptions Parse(string[] args)
    {
        string Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"missing {name}");
        }
        return new ReportOptions(Value("--rubric"), Value("--trx"), Value("--assembly"));
    }
}

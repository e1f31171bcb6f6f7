namespace Rubric.Report;

internal sealed class Scorecard(List<RubricItem> rubric, Dictionary<string, List<string>> tagged, Dictionary<string, bool> outcomes)
{
    private const int FullMarks = 105;

    private enum Status { Pass, Fail, Untested }

    private Status StatusOf(string id)
    {
        if (!tagged.TryGetValue(id, out var tests) || tests.Count == 0) return Status.Untested;
        return tests.All(t => outcomes.TryGetValue(t, out var passed) && passed) ? Status.Pass : Status.Fail;
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"| {"id",-4} | {"指标",-12} | {"分值",4} | {"结果",-6} | 测试");
        output.WriteLine("|------|--------------|------|--------|------");
        var points = 0;
        var xItems = 0;
        foreach (var item in rubric)
        {
            var status = StatusOf(item.Id);
            var mark = status switch { Status.Pass => "pass", Status.Fail => "FAIL", _ => "-" };
            if (item.Id.StartsWith('S'))
            {
                // The security penalty is lost only when a security test fails.
                if (status == Status.Fail) points += item.Weight;
            }
            else if (status == Status.Pass)
            {
                points += item.Weight;
                if (item.Id.StartsWith('X')) xItems++;
            }
            var tests = tagged.TryGetValue(item.Id, out var names) ? string.Join(", ", names.Select(n => n[(n.LastIndexOf('.') + 1)..])) : "";
            var name = item.Name.Length > 24 ? item.Name[..23] + "…" : item.Name;
            output.WriteLine($"| {item.Id,-4} | {name,-12} | {item.Weight,4} | {mark,-6} | {tests}");
        }
        var xTotal = rubric.Count(i => i.Id.StartsWith('X'));
        output.WriteLine($"rubric: {points}/{FullMarks}, X-items: {xItems}/{xTotal}");
    }
}

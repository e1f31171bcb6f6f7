namespace Hospital.API.Application.Doctors;

/// <summary>Ranks doctors for a patient's query: a name match first, then what the doctor treats (their expertise
/// and diseases: "糖尿病" finds the endocrinologists who list it), then their department, then the introduction.
/// Chinese has no spaces, so matching is by substring of each query term (split on spaces and punctuation).</summary>
public static class DoctorSearch
{
    public sealed record Candidate(string Name, string Expertise, IReadOnlyList<string> Diseases, IReadOnlyList<string> DepartmentNames,
        string Introduction, string Title);

    public static int Score(Candidate doctor, string query)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return 1;
        var total = 0;
        foreach (var term in terms)
        {
            var score = 0;
            if (doctor.Name == term) score = 100;
            else if (doctor.Name.Contains(term, StringComparison.OrdinalIgnoreCase)) score = 80;
            else if (doctor.Diseases.Any(d => d.Contains(term, StringComparison.OrdinalIgnoreCase))) score = 60;
            else if (doctor.Expertise.Contains(term, StringComparison.OrdinalIgnoreCase)) score = 55;
            else if (doctor.DepartmentNames.Any(d => d == term)) score = 45;
            else if (doctor.DepartmentNames.Any(d => d.Contains(term, StringComparison.OrdinalIgnoreCase))) score = 40;
            else if (doctor.Introduction.Contains(term, StringComparison.OrdinalIgnoreCase)) score = 20;
            else if (doctor.Title.Contains(term, StringComparison.OrdinalIgnoreCase)) score = 10;
            if (score == 0) return 0; // every term must match somewhere
            total += score;
        }
        return total;
    }

    public static List<string> Terms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Split([' ', '\u3000', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(t => t.Length > 0).Distinct().Take(5).ToList();
}

using Platform.Testing;

namespace Acceptance.Tests.Security.AuthorizationMatrix;

public enum Role { Anon, A, B, Proxy, Doctor, Pharmacist, Staff, Integration }

/// <summary>What a role must get from an operation. <c>Ok</c>: let through (not 401/403; 400/404/409/422 on dummy input is
/// fine). <c>Hidden</c>: refused without telling whether the object exists: the same status, problem type and code as
/// on random ids, and for a read 403 or 404. <c>Rejected</c>: any 4xx (a webhook or signed link refusing a call that
/// carries no valid signature). Never a 5xx.</summary>
public enum Expectation { Ok, Status401, Status403, Status404, Hidden, Rejected }

/// <param name="Spared">Roles declared allowed but not called: the call would change a shared demo account (admin,
/// doctor01, pharmacist01) that other tests sign in with.</param>
public sealed record Declaration(string Key, IReadOnlyDictionary<Role, Expectation> Roles,
    IReadOnlyDictionary<string, string> Objects, IReadOnlySet<Role> Spared, bool ServicePort, string? Reason, int Line)
{
    /// <summary>Where the operation is called: the edge, or the service's own port (operations the edge does not route).</summary>
    public string BaseUrl(Operation operation) => ServicePort ? $"http://127.0.0.1:{operation.Port}" : TestEnvironment.EdgeUrl;
}

/// <summary>Parses authorization-matrix.txt: profiles (a role → expectation row given a name) and one line per operation,
/// "METHOD /path profile [role=expectation …] [param=object …] [spare=role,role] [via=service] # reason".</summary>
public static class Declarations
{
    public static readonly IReadOnlyDictionary<string, Role> RoleNames = new Dictionary<string, Role>
    {
        ["anon"] = Role.Anon, ["a"] = Role.A, ["b"] = Role.B, ["proxy"] = Role.Proxy, ["doctor"] = Role.Doctor,
        ["pharmacist"] = Role.Pharmacist, ["staff"] = Role.Staff, ["integration"] = Role.Integration,
    };

    private static readonly IReadOnlyDictionary<string, Expectation> Expectations = new Dictionary<string, Expectation>
    {
        ["ok"] = Expectation.Ok, ["401"] = Expectation.Status401, ["403"] = Expectation.Status403, ["404"] = Expectation.Status404,
        ["hidden"] = Expectation.Hidden, ["rejected"] = Expectation.Rejected,
    };

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Security", "AuthorizationMatrix", "authorization-matrix.txt");

    public static IReadOnlyDictionary<string, Declaration> Load(string path, ICollection<string> errors)
    {
        var profiles = new Dictionary<string, Dictionary<Role, Expectation>>();
        var declarations = new Dictionary<string, Declaration>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (raw.TrimStart().StartsWith('#')) continue;
            var hash = raw.IndexOf(" #", StringComparison.Ordinal);
            var reason = hash >= 0 ? raw[(hash + 2)..].Trim() : null;
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0) continue;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[0] == "profile")
            {
                var row = new Dictionary<Role, Expectation>();
                foreach (var pair in words[2..]) Assign(pair, row, null, errors, number);
                if (row.Count != RoleNames.Count) errors.Add($"line {number}: profile {words[1]} must name all {RoleNames.Count} roles");
                profiles[words[1].TrimEnd(':')] = row;
                continue;
            }
            if (words.Length < 3) { errors.Add($"line {number}: expected METHOD /path profile …"); continue; }
            var key = $"{words[0]} {words[1]}";
            if (!profiles.TryGetValue(words[2], out var profile)) { errors.Add($"line {number}: unknown profile {words[2]}"); continue; }
            var roles = new Dictionary<Role, Expectation>(profile);
            var objects = new Dictionary<string, string>();
            var servicePort = false;
            var spared = new HashSet<Role>();
            foreach (var pair in words[3..])
            {
                if (pair == "via=service") servicePort = true;
                else if (pair.StartsWith("spare=", StringComparison.Ordinal))
                    foreach (var name in pair["spare=".Length..].Split(','))
                        if (RoleNames.TryGetValue(name, out var role) && roles[role] == Expectation.Ok) spared.Add(role);
                        else errors.Add($"line {number}: spare={name} must name a role declared ok");
                else Assign(pair, roles, objects, errors, number);
            }
            if (!declarations.TryAdd(key, new Declaration(key, roles, objects, spared, servicePort, reason, number)))
                errors.Add($"line {number}: {key} is declared twice");
        }
        return declarations;
    }

    private static void Assign(string pair, Dictionary<Role, Expectation> roles, Dictionary<string, string>? objects,
        ICollection<string> errors, int number)
    {
        var parts = pair.Split('=', 2);
        if (parts.Length != 2) { errors.Add($"line {number}: '{pair}' is not name=value"); return; }
        if (RoleNames.TryGetValue(parts[0], out var role))
        {
            if (Expectations.TryGetValue(parts[1], out var expectation)) roles[role] = expectation;
            else errors.Add($"line {number}: unknown expectation '{parts[1]}'");
        }
        else if (objects is not null) objects[parts[0]] = parts[1];
        else errors.Add($"line {number}: unknown role '{parts[0]}'");
    }
}

namespace Acceptance.Tests.Security.AuthorizationMatrix;

public sealed class ObjectUnavailableException(string name) : Exception(name);

/// <summary>The three URLs of one operation: with A's real objects, with random ids in their place, and the one an
/// allowed caller of a change gets (random ids, but A's own patient id, so the caller still passes the ownership gate
/// and nothing of A's changes).</summary>
public sealed class Cell(Operation operation, Declaration declaration, IReadOnlyDictionary<string, string> objects)
{
    private readonly Dictionary<string, string> _random = [];

    public string RealUrl => Build(real: true, keepPatient: true);
    public string RandomUrl => Build(real: false, keepPatient: false);
    public string HarmlessUrl => Build(real: false, keepPatient: true);

    /// <summary>The harmless URL with one parameter's value replaced (hostile input).</summary>
    public string HarmlessUrlWith(string parameter, string value) => Build(real: false, keepPatient: true, (parameter, value));

    private string Build(bool real, bool keepPatient, (string Name, string Value)? replaced = null)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            var objectName = declaration.Objects.TryGetValue(p.Name, out var declared) ? declared
                : p.Name == "patientId" ? "patient" : null;
            string value;
            if (replaced is { } r && r.Name == p.Name) value = r.Value;
            else if (objectName is not null && objectName != "random" && (real || (keepPatient && p.Name == "patientId")))
                value = objects.TryGetValue(objectName, out var id) ? id : throw new ObjectUnavailableException(objectName);
            else if (objectName is not null) value = RandomFor(p.Name);
            else if (p.In == "path" || p.Required) value = Dummy(p);
            else continue;
            if (p.In == "path") path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value));
            else if (p.In == "query") query.Add($"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(value)}");
        }
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private string RandomFor(string name)
    {
        if (!_random.TryGetValue(name, out var value)) _random[name] = value = Guid.NewGuid().ToString();
        return value;
    }

    private string Dummy(OperationParameter p) => (p.Type, p.Format) switch
    {
        (_, "uuid") => RandomFor(p.Name),
        ("integer", _) or ("number", _) => "1",
        ("boolean", _) => "true",
        (_, "date") => DateTime.UtcNow.ToString("yyyy-MM-dd"),
        (_, "date-time") => DateTime.UtcNow.ToString("O"),
        _ => "x",
    };
}

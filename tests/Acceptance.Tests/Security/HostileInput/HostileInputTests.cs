using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Acceptance.Tests.Security.AuthorizationMatrix;
using Xunit;
using Xunit.Abstractions;

namespace Acceptance.Tests.Security.HostileInput;

/// <summary>S01: hostile input over every operation of every OpenAPI document, sent through the edge by a caller the
/// authorization matrix lets through: every property of every JSON body given wrong types, broken values, over-long
/// text, SQL, script, path traversal and Unicode tricks (and random strings from CsCheck); every path and query parameter
/// likewise; whole bodies that are broken JSON, nested past any depth, of the wrong media type or XML with an external
/// entity. Never a 5xx; a refusal is a problem document in Chinese; what no valid request carries is refused; and nothing
/// a refused request carried is stored (each request carries its own marker, looked for in every table of every service
/// database afterwards), nor does a database whose service refused everything change.</summary>
[Trait("Rubric", "S01")]
[Collection(MatrixCollection.Name)]
public sealed partial class HostileInputTests(MatrixFixture fixture, ITestOutputHelper output) : IClassFixture<MatrixFixture>
{
    private const int Parallelism = 16;

    /// <summary>The order a caller is picked in: the first the matrix declares allowed (and not spared).</summary>
    private static readonly Role[] CallerPreference = [Role.A, Role.Staff, Role.Doctor, Role.Pharmacist, Role.Integration, Role.Anon];

    /// <summary>Tables that change without any request: the outbox and inbox (events still arriving from earlier tests).</summary>
    private static readonly HashSet<string> Plumbing = ["outbox_messages", "inbox_messages"];

    /// <summary>Tables that change although every request was refused: an audit trail records refused reads, a throttle
    /// counts failed sign-ins, the token store and a read-through cache of the HIS change on any signed-in read, and the
    /// gateway's worker renews WeChat's access token on its own schedule.</summary>
    private static readonly HashSet<string> ChangedWithoutRequests =
    [
        "reports.access_events", "pharmacy.read_audits", "convenience.read_audits", "triage.health_data_access", "identity.login_throttles",
        "identity.openiddict_tokens", "reports.record_snapshots", "wechat.wechat_credentials",
    ];

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = Parallelism })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly string _prefix = "hx" + Guid.NewGuid().ToString("N")[..8] + "n";

    private sealed record Attempt(int Number, Operation Operation, Declaration Declaration, Role Role, string Where, string Class,
        Tolerance Tolerance, string Url, string? Body, string? ContentType);

    private sealed record Answer(int Status, string? MediaType, string Body);

    [Fact]
    public async Task Hostile_input_is_refused_in_chinese_never_a_500_and_nothing_refused_is_stored()
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        var declarations = Declarations.Load(Declarations.FilePath, errors);
        Assert.Empty(errors);
        var operations = (await OpenApiOperations.LoadAsync()).Where(o => declarations.ContainsKey(o.Key)).ToList();
        var attempts = new List<Attempt>();
        var skipped = new List<string>();
        foreach (var operation in operations)
        {
            var declaration = declarations[operation.Key];
            var caller = CallerPreference.Cast<Role?>().FirstOrDefault(r => declaration.Roles[r!.Value] == Expectation.Ok && !declaration.Spared.Contains(r.Value));
            if (caller is not { } role) { skipped.Add(operation.Key); continue; }
            try
            {
                attempts.AddRange(AttemptsFor(operation, declaration, role, attempts.Count));
            }
            catch (ObjectUnavailableException e)
            {
                errors.Add($"{operation.Key}: A's {e.Message} could not be made ({fixture.Unavailable.GetValueOrDefault(e.Message)})");
            }
        }

        var before = await StackDatabases.FingerprintAsync();
        var answers = new ConcurrentDictionary<int, Answer>();
        using (var gate = new SemaphoreSlim(Parallelism))
            await Task.WhenAll(attempts.Select(async attempt =>
            {
                await gate.WaitAsync();
                try { answers[attempt.Number] = await SendAsync(attempt); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { answers[attempt.Number] = new Answer(0, null, e.Message); }
                finally { gate.Release(); }
            }));
        var after = await StackDatabases.FingerprintAsync();
        var stored = await StackDatabases.MarkersAsync(_prefix);

        var failures = new List<string>(errors);
        foreach (var attempt in attempts)
            if (Verdict(attempt, answers[attempt.Number]) is { } problem) failures.Add($"{Describe(attempt)}: {problem}");
        var byNumber = attempts.ToDictionary(a => a.Number);
        foreach (var (table, marker) in stored.DistinctBy(s => (s.Table, s.Marker)))
        {
            var attempt = byNumber[int.Parse(marker[_prefix.Length..^1])];
            if (answers[attempt.Number].Status >= 400)
                failures.Add($"{Describe(attempt)}: refused ({answers[attempt.Number].Status}) but stored in {table}");
        }
        var accepted = attempts.Where(a => answers[a.Number].Status is >= 200 and < 300).ToList();
        var accepting = accepted.Select(a => StackDatabases.OfService[a.Operation.Service]).ToHashSet();
        var changed = after.Where(t => !Plumbing.Contains(t.Key.Name) && before.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
        foreach (var table in changed.Where(t => !accepting.Contains(t.Database) && !ChangedWithoutRequests.Contains(t.ToString())))
            failures.Add($"{table} changed although {table.Database} refused every hostile request");

        output.WriteLine($"恶意输入: {attempts.Count} requests over {operations.Count - skipped.Count} operations " +
            $"({skipped.Count} skipped: no caller may be used), {accepted.Count} accepted as data, {stored.Count} markers stored, " +
            $"{after.Count} tables compared ({changed.Count} changed: {string.Join(", ", changed)}); {failures.Count} failures; " +
            $"{clock.Elapsed.TotalSeconds:F1} s");
        foreach (var group in attempts.GroupBy(a => a.Class).OrderBy(g => g.Key))
            output.WriteLine($"  {group.Key}: {group.Count()} sent, {group.Count(a => answers[a.Number].Status is >= 200 and < 300)} accepted");
        foreach (var key in skipped) output.WriteLine($"  skipped {key}");
        var report = string.Join("\n", failures.Order(StringComparer.Ordinal));
        output.WriteLine(report);
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{report}");
    }

    private IEnumerable<Attempt> AttemptsFor(Operation operation, Declaration declaration, Role role, int numberedFrom)
    {
        var cell = new Cell(operation, declaration, fixture.Objects);
        var harmless = cell.HarmlessUrl;
        var number = numberedFrom;
        Attempt Make(string where, string @class, Tolerance tolerance, string url, string? body, string? contentType)
        {
            // Closed by a letter: a digit that follows in the hostile text must not read as part of the number.
            var marker = _prefix + number + "z";
            return new Attempt(number++, operation, declaration, role, where, @class, tolerance, url.Replace("%7BM%7D", marker),
                body?.Replace("{M}", marker), contentType);
        }

        var json = operation.BodyContentType == "application/json";
        foreach (var parameter in operation.Parameters.Where(p => p.In is "path" or "query"))
            foreach (var (@class, value, tolerance) in HostileValues.ForParameter(parameter))
                yield return Make($"{parameter.In} {parameter.Name}", @class, tolerance, cell.HarmlessUrlWith(parameter.Name, value),
                    json ? BaseBody(operation, null, null) : null, json ? "application/json" : null);
        if (operation.BodyContentType is null || operation.Method == "GET") yield break;
        foreach (var (@class, body, contentType) in HostileValues.Bodies())
            yield return Make("body", @class, Tolerance.MustRefuse, harmless, body, contentType);
        if (!json) yield break;
        foreach (var property in operation.BodyProperties)
            foreach (var value in HostileValues.For(property))
                yield return Make($"body.{property.Name}", value.Class, value.Tolerance, harmless, BaseBody(operation, property.Name, value.Json),
                    "application/json");
    }

    /// <summary>A body with a plausible value in every property, and <paramref name="hostile"/> in one.</summary>
    private string BaseBody(Operation operation, string? hostileProperty, string? hostile)
    {
        var members = operation.BodyProperties.Select(p =>
            $"{JsonSerializer.Serialize(p.Name)}:{(p.Name == hostileProperty ? hostile : Plausible(p))}");
        return "{" + string.Join(",", members) + "}";
    }

    private string Plausible(BodyProperty property) => (property.Type, property.Format) switch
    {
        ("integer", _) or ("number", _) => "1",
        ("boolean", _) => "false",
        ("array", _) => "[]",
        ("object", _) => "{}",
        (_, "uuid") => JsonSerializer.Serialize(property.Name == "patientId" ? fixture.Objects["patient"] : Guid.NewGuid().ToString()),
        (_, "date-time") => JsonSerializer.Serialize(DateTimeOffset.UtcNow.AddDays(1).ToString("O")),
        (_, "date") => JsonSerializer.Serialize(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd")),
        _ => "\"测试\"",
    };

    private async Task<Answer> SendAsync(Attempt attempt)
    {
        var baseUrl = attempt.Declaration.BaseUrl(attempt.Operation);
        using var request = new HttpRequestMessage(new HttpMethod(attempt.Operation.Method), baseUrl + attempt.Url);
        if (attempt.Body is not null)
        {
            request.Content = new StringContent(attempt.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(attempt.ContentType!) { CharSet = "utf-8" };
        }
        if (fixture.Tokens[attempt.Role] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await Http.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string? Verdict(Attempt attempt, Answer answer)
    {
        if (answer.Status == 0) return $"no answer: {answer.Body}";
        if (answer.Status >= 500) return $"{answer.Status}: {Snippet(answer.Body)}";
        if (answer.Status < 400) return attempt.Tolerance == Tolerance.MustRefuse ? $"accepted ({answer.Status}): {Snippet(answer.Body)}" : null;
        // Kestrel itself refuses a malformed request line (a NUL in the path) before any middleware runs; only the
        // services' own addresses meet it, the edge answers such requests with its problem document.
        if (answer.Status == 400 && answer.Body.Length == 0 && attempt.Declaration.ServicePort) return null;
        if (answer.MediaType != "application/problem+json") return $"{answer.Status} is not a problem document ({answer.MediaType}): {Snippet(answer.Body)}";
        try
        {
            using var problem = JsonDocument.Parse(answer.Body);
            var text = string.Concat(new[] { "title", "detail" }.Select(p =>
                problem.RootElement.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : ""));
            return Chinese().IsMatch(text) ? null : $"{answer.Status} problem without a Chinese title or detail: {Snippet(answer.Body)}";
        }
        catch (JsonException)
        {
            return $"{answer.Status} problem document is not JSON: {Snippet(answer.Body)}";
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private static string Describe(Attempt attempt) =>
        $"{attempt.Operation.Key} [{attempt.Role}] {attempt.Where} {attempt.Class}";

    private static string Snippet(string body) => body.Length > 160 ? body[..160] + "…" : body;
}

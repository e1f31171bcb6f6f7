using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Acceptance.Tests.Security.AuthorizationMatrix;

/// <summary>S01: every operation of every service's OpenAPI document × every caller (anonymous, patient A, patient B, a
/// family proxy of A, a doctor, a pharmacist, staff, an integration client) answers as authorization-matrix.txt declares,
/// through the edge. An operation without a declaration fails, and so does a declaration whose operation is gone.
/// Calls are harmless: allowed callers of a change get random object ids or an empty body, so nothing real changes.</summary>
[Trait("Rubric", "S01")]
[Collection(MatrixCollection.Name)]
public sealed class AuthorizationMatrixTests(MatrixFixture fixture, ITestOutputHelper output) : IClassFixture<MatrixFixture>
{
    private const int Parallelism = 24;

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = Parallelism })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private sealed record Answer(int Status, string? Type, string? Code, string Body)
    {
        public string Short => $"{Status}{(Code is null ? "" : " " + Code)}";
    }

    [Fact]
    public async Task Every_operation_answers_every_role_as_declared()
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        var declarations = Declarations.Load(Declarations.FilePath, errors);
        var operations = await OpenApiOperations.LoadAsync();

        var missing = operations.Where(o => !declarations.ContainsKey(o.Key)).ToList();
        var known = operations.Select(o => o.Key).ToHashSet();
        var stale = declarations.Values.Where(d => !known.Contains(d.Key)).ToList();
        var checkedOperations = operations.Where(o => declarations.ContainsKey(o.Key)).ToList();

        var failures = new ConcurrentBag<string>();
        var observed = new ConcurrentDictionary<(string, Role), Answer>();
        var requests = 0;
        var spared = 0;
        using var gate = new SemaphoreSlim(Parallelism);
        await Task.WhenAll(checkedOperations.SelectMany(o => Enum.GetValues<Role>().Select(async role =>
        {
            await gate.WaitAsync();
            try
            {
                var declaration = declarations[o.Key];
                var expectation = declaration.Roles[role];
                if (declaration.Spared.Contains(role)) { Interlocked.Increment(ref spared); return; }
                var cell = new Cell(o, declaration, fixture.Objects);
                var url = expectation == Expectation.Ok && o.Method != "GET" ? cell.HarmlessUrl : cell.RealUrl;
                var answer = await SendAsync(o, declaration, url, fixture.Tokens[role]);
                Interlocked.Increment(ref requests);
                observed[(o.Key, role)] = answer;
                Answer? random = null;
                if (expectation == Expectation.Hidden && cell.RandomUrl != cell.RealUrl)
                {
                    random = await SendAsync(o, declaration, cell.RandomUrl, fixture.Tokens[role]);
                    Interlocked.Increment(ref requests);
                }
                if (Verdict(expectation, answer, random, o.Method == "GET") is { } problem)
                    failures.Add($"{o.Key} [{Name(role)}] expected {Name(expectation)}, {problem}" +
                        (declaration.Reason is null ? "" : $" — declared because: {declaration.Reason}"));
            }
            catch (ObjectUnavailableException e)
            {
                failures.Add($"{o.Key} [{Name(role)}] not checked: A's {e.Message} could not be made " +
                    $"({fixture.Unavailable.GetValueOrDefault(e.Message, "not declared in the fixture")})");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{o.Key} [{Name(role)}] no answer: {e.Message}");
            }
            finally { gate.Release(); }
        })));

        Record(checkedOperations, observed);
        var roles = Enum.GetValues<Role>().Length;
        output.WriteLine($"授权矩阵: {checkedOperations.Count} operations × {roles} roles = {checkedOperations.Count * roles} cells " +
            $"({operations.Count} operations in {OpenApiOperations.Services.Count} OpenAPI documents); {requests} requests; " +
            $"{spared} cells declared but spared (shared demo accounts); {failures.Count} failed cells; {clock.Elapsed.TotalSeconds:F1} s");

        var report = new StringBuilder();
        foreach (var e in errors) report.AppendLine($"declarations: {e}");
        if (missing.Count > 0)
        {
            report.AppendLine($"{missing.Count} operations have no declaration in authorization-matrix.txt (add a line each):");
            foreach (var o in missing.OrderBy(o => o.Path)) report.AppendLine($"  {o.Key}");
        }
        if (stale.Count > 0)
        {
            report.AppendLine($"{stale.Count} declarations name operations that no OpenAPI document has (remove or rename them):");
            foreach (var d in stale) report.AppendLine($"  line {d.Line}: {d.Key}");
        }
        if (!failures.IsEmpty)
        {
            report.AppendLine($"{failures.Count} cells answered other than declared:");
            foreach (var f in failures.Order(StringComparer.Ordinal)) report.AppendLine($"  {f}");
        }
        output.WriteLine(report.ToString());
        Assert.True(report.Length == 0, report.ToString());
    }

    private static string? Verdict(Expectation expectation, Answer answer, Answer? random, bool read)
    {
        if (answer.Status >= 500) return $"got {answer.Short}: {Snippet(answer.Body)}";
        var refused = answer.Status is 401 or 403;
        return expectation switch
        {
            Expectation.Ok when refused => $"got {answer.Short}",
            Expectation.Status401 when answer.Status != 401 => $"got {answer.Short}",
            Expectation.Status403 when answer.Status != 403 => $"got {answer.Short}",
            Expectation.Status404 when answer.Status != 404 => $"got {answer.Short}",
            Expectation.Rejected when answer.Status < 400 => $"got {answer.Short}",
            Expectation.Hidden when answer.Status < 400 => $"got {answer.Short} on A's object",
            Expectation.Hidden when read && answer.Status is not (403 or 404) => $"got {answer.Short} on A's object",
            Expectation.Hidden when random is not null && (random.Status, random.Type, random.Code) != (answer.Status, answer.Type, answer.Code) =>
                $"A's real object answers {answer.Short} ({answer.Type}) but a random id answers {random.Short} ({random.Type}): reveals existence",
            _ => null,
        };
    }

    /// <summary>One retry when no answer came in time (a slow HIS behind a read): a hang is not an authorization answer.</summary>
    private static async Task<Answer> SendAsync(Operation operation, Declaration declaration, string url, string? token)
    {
        try
        {
            return await SendOnceAsync(operation, declaration, url, token);
        }
        catch (TaskCanceledException)
        {
            return await SendOnceAsync(operation, declaration, url, token);
        }
    }

    private static async Task<Answer> SendOnceAsync(Operation operation, Declaration declaration, string url, string? token)
    {
        var baseUrl = declaration.BaseUrl(operation);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), baseUrl + url) { Content = EmptyBody(operation) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        string? type = null, code = null;
        if (body.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String) type = t.GetString();
                if (json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String) code = c.GetString();
            }
            catch (JsonException) { }
        }
        return new Answer((int)response.StatusCode, type, code, body);
    }

    /// <summary>An empty body of the declared media type: valid enough to reach the handler, never a valid request.</summary>
    private static HttpContent? EmptyBody(Operation operation) => operation.BodyContentType switch
    {
        null => null,
        var t when t.StartsWith("multipart/", StringComparison.Ordinal) => new MultipartFormDataContent
        {
            { new ByteArrayContent("not an image"u8.ToArray()), "file", "matrix.txt" },
        },
        "application/x-www-form-urlencoded" => new FormUrlEncodedContent([]),
        _ => new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    private static string Snippet(string body) => body.Length > 200 ? body[..200] + "…" : body;

    private static string Name(Role role) => Declarations.RoleNames.First(r => r.Value == role).Key;

    private static string Name(Expectation e) => e switch
    {
        Expectation.Status401 => "401", Expectation.Status403 => "403", Expectation.Status404 => "404",
        _ => e.ToString().ToLowerInvariant(),
    };

    /// <summary>With AUTHMATRIX_RECORD=&lt;file&gt;, what each role got, one operation a line (to review declarations against).</summary>
    private static void Record(IEnumerable<Operation> operations, ConcurrentDictionary<(string, Role), Answer> observed)
    {
        if (Environment.GetEnvironmentVariable("AUTHMATRIX_RECORD") is not { Length: > 0 } path) return;
        var lines = operations.OrderBy(o => o.Port).Select(o => $"{o.Key} | " + string.Join(" ", Enum.GetValues<Role>()
            .Select(r => $"{Name(r)}={(observed.TryGetValue((o.Key, r), out var a) ? a.Short.Replace(' ', ':') : "-")}")));
        File.WriteAllLines(path, lines);
    }
}

/// <summary>Three thousand requests in a burst would slow the browser journeys running beside them into timeouts: the
/// matrix runs on its own, after them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MatrixCollection
{
    public const string Name = "authorization matrix";
}

namespace Platform.ServiceDefaults.Problems;

/// <summary>A failure the caller can act on: carries the HTTP status, a stable machine code and a Chinese message.</summary>
public class ProblemException(int status, string code, string message, IDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static ProblemException NotFound(string what) => new(404, "not_found", $"{what}不存在");
    public static ProblemException Conflict(string code, string message) => new(409, code, message);
    public static ProblemException Invalid(IDictionary<string, string[]> errors) =>
        new(400, "validation_failed", "提交的信息有误，请检查后重试", errors);
}

namespace HisAdapter.API.Application.Pushes;

/// <summary>The push cannot be accepted; answered with an OperationOutcome and nothing is changed.</summary>
public sealed class PushRejectedException(int status, string issueCode, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string IssueCode { get; } = issueCode;

    public static PushRejectedException Invalid(string message) => new(400, "invalid", message);
}

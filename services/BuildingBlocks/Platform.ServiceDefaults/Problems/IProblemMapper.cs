namespace Platform.ServiceDefaults.Problems;

/// <summary>Turns an exception a building block knows (a database constraint, say) into the problem the caller should
/// get instead of a 500. The exception handler asks every registered mapper before it gives up.</summary>
public interface IProblemMapper
{
    ProblemException? Map(Exception exception);
}

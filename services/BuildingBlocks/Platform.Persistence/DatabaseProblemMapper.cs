using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Problems;

namespace Platform.Persistence;

/// <summary>The database's own refusals as the caller's problem, never a 500: a duplicate that two requests raced to
/// create, a value longer than its column, a row another request changed or removed meanwhile, or the database briefly
/// out of reach (503). Nothing was written (the transaction failed), so the caller may correct and retry.</summary>
public sealed class DatabaseProblemMapper : IProblemMapper
{
    public ProblemException? Map(Exception exception) => exception switch
    {
        _ when TransientFailures.IsUnavailable(exception) => new ProblemException(503, "unavailable", "数据库暂时无法访问，请稍后再试"),
        DbUpdateConcurrencyException => new ProblemException(409, "concurrent_update", "数据已被他人修改，请刷新后重试"),
        DbUpdateException { InnerException: PostgresException pg } => Map(pg),
        PostgresException pg => Map(pg),
        _ => null,
    };

    private static ProblemException? Map(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new ProblemException(409, "already_exists", "该记录已存在（可能已被同时提交），请刷新后查看"),
        PostgresErrorCodes.StringDataRightTruncation => new ProblemException(400, "value_too_long", "提交的内容过长，请精简后再提交"),
        PostgresErrorCodes.ForeignKeyViolation => new ProblemException(409, "reference_missing", "关联的记录不存在或已被删除，请刷新后重试"),
        PostgresErrorCodes.NumericValueOutOfRange => new ProblemException(400, "value_out_of_range", "提交的数值超出允许范围"),
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
            new ProblemException(400, "invalid_characters", "提交的内容包含无效字符"),
        _ => null,
    };
}

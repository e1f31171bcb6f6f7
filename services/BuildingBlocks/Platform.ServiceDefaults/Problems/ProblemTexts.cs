namespace Platform.ServiceDefaults.Problems;

/// <summary>The Chinese title and stable code for each status the platform answers with.</summary>
public static class ProblemTexts
{
    public static (string Code, string Title) For(int status) => status switch
    {
        400 => ("bad_request", "请求格式不正确"),
        401 => ("unauthenticated", "请先登录"),
        403 => ("forbidden", "没有权限执行此操作"),
        404 => ("not_found", "请求的资源不存在"),
        405 => ("method_not_allowed", "不支持该请求方法"),
        409 => ("conflict", "操作与当前状态冲突，请刷新后重试"),
        412 => ("precondition_failed", "数据已被他人修改，请刷新后重试"),
        413 => ("payload_too_large", "提交的内容过大"),
        415 => ("unsupported_media_type", "不支持的内容类型"),
        422 => ("unprocessable", "提交的信息无法处理"),
        429 => ("too_many_requests", "请求过于频繁，请稍后再试"),
        503 => ("unavailable", "服务暂时不可用，请稍后再试"),
        _ when status >= 500 => ("internal_error", "服务器开小差了，请稍后再试"),
        _ => ("error", "请求未能完成"),
    };
}

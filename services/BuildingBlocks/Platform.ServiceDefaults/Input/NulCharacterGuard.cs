using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Input;

/// <summary>A NUL character is never meaningful input and PostgreSQL refuses it in text, which would surface as a
/// 500 deep inside a handler: refuse it at the door, in the path, the query and form fields (JSON bodies are covered
/// by <see cref="NulRejectingStringConverter"/>).</summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.Value?.Contains('\0') == true || Uri.UnescapeDataString(request.QueryString.Value ?? "").Contains('\0'))
            throw new NulCharacterException();
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await request.ReadFormAsync(http.RequestAborted); }
            catch (InvalidDataException) { throw new NulCharacterException(); }
            if (form.Any(field => field.Key.Contains('\0') || field.Value.Any(v => v?.Contains('\0') == true)))
                throw new NulCharacterException();
        }
        await next(http);
    }
}

public sealed class NulCharacterException()
    : ProblemException(400, "invalid_characters", "提交的内容包含无效字符，请检查后重试");

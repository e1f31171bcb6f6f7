using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Problems;
using Reports.API.Application;
using Reports.API.Application.Pdf;
using Reports.API.Extensions;

namespace Reports.API.Apis;

/// <summary>报告查询 and 病历资料 (R21): the patient, accounts they authorised, doctors with a care relationship and staff
/// stating a purpose. Every read and every refused attempt is audited.</summary>
public static class RecordsApi
{
    public const string Readers = "record-readers";

    public static IEndpointRouteBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("报告与病历").RequireAuthorization(Readers);
        api.MapGet("/patients/{patientId:guid}/reports", List).WithName("PatientReports").WithSummary("检查检验报告列表");
        api.MapGet("/reports/{reportId:guid}", Detail).WithName("Report").WithSummary("报告详情（含参考范围、异常标记与解读）");
        api.MapGet("/reports/{reportId:guid}/pdf", Pdf).WithName("ReportPdf").WithSummary("报告PDF（带查看人与时间水印）");
        api.MapGet("/reports/{reportId:guid}/images/{index:int}", KeyImage).WithName("ReportKeyImage").WithSummary("检查报告的关键图像");
        api.MapGet("/reports/his/{hisReportId}", ByHisId).RequireAuthorization(PlatformRoles.Patient)
            .WithName("ReportByHisId").WithSummary("按医院报告号打开本人/家属的报告（危急值消息链接）");
        api.MapGet("/patients/{patientId:guid}/trends/{loinc}", Trend).WithName("LabTrend").WithSummary("检验项目历次结果趋势");
        api.MapGet("/patients/{patientId:guid}/documents", Documents).WithName("PatientDocuments").WithSummary("门诊病历与出院小结列表");
        api.MapGet("/patients/{patientId:guid}/documents/{documentId}", Document).WithName("PatientDocument").WithSummary("病历全文");
        api.MapGet("/patients/{patientId:guid}/visits", Visits).WithName("PatientVisits").WithSummary("就诊记录");
        return app;
    }

    public static async Task<Ok<ListDto<ReportSummaryDto>>> List(Guid patientId, bool? refresh, string? purpose, ClaimsPrincipal user,
        ReportViews views, CancellationToken ct) => TypedResults.Ok(await views.ListAsync(user, patientId, refresh == true, purpose, ct));

    public static async Task<Ok<ReportDetailDto>> Detail(Guid reportId, string? purpose, ClaimsPrincipal user, ReportViews views,
        CancellationToken ct) => TypedResults.Ok(await views.DetailAsync(user, reportId, purpose, ct));

    /// <summary>The report as a PDF: authorised and audited exactly like the detail, watermarked with who read it when.</summary>
    public static async Task<FileContentHttpResult> Pdf(Guid reportId, string? purpose, ClaimsPrincipal user, ReportViews views,
        IOptions<ReportsOptions> options, HttpContext http, CancellationToken ct)
    {
        // Checked before the read so no read is audited for a PDF that could not be drawn.
        var font = ReportFont.FamilyFor(options.Value.PdfFontFile)
                   ?? throw new ProblemException(503, "pdf_unavailable", "报告PDF暂时无法生成（服务器缺少中文字体），请先在页面中查看报告");
        var report = await views.DetailAsync(user, reportId, purpose, ct);
        var pdf = new ReportPdf(font).Render(report);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf, "application/pdf", $"报告-{report.HisId}.pdf");
    }

    public static async Task<FileContentHttpResult> KeyImage(Guid reportId, int index, string? purpose, ClaimsPrincipal user, ReportViews views,
        HisRecords his, HttpContext http, CancellationToken ct)
    {
        var image = await views.KeyImageAsync(user, reportId, index, purpose, his, ct);
        // Medical images stay out of shared and browser caches.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(image.Data, image.ContentType);
    }

    public static async Task<Ok<ReportDetailDto>> ByHisId(string hisReportId, ClaimsPrincipal user, ReportViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.ByHisIdAsync(user, hisReportId, ct));

    public static async Task<Ok<TrendDto>> Trend(Guid patientId, string loinc, string? purpose, ClaimsPrincipal user, ReportViews views,
        CancellationToken ct) => TypedResults.Ok(await views.TrendAsync(user, patientId, loinc, purpose, ct));

    public static async Task<Ok<ListDto<HisDocument>>> Documents(Guid patientId, bool? refresh, string? purpose, ClaimsPrincipal user,
        ReportViews views, CancellationToken ct) => TypedResults.Ok(await views.DocumentsAsync(user, patientId, refresh == true, purpose, ct));

    public static async Task<Ok<HisDocument>> Document(Guid patientId, string documentId, string? purpose, ClaimsPrincipal user,
        ReportViews views, CancellationToken ct) => TypedResults.Ok(await views.DocumentAsync(user, patientId, documentId, purpose, ct));

    public static async Task<Ok<ListDto<HisEncounter>>> Visits(Guid patientId, bool? refresh, string? purpose, ClaimsPrincipal user,
        ReportViews views, CancellationToken ct) => TypedResults.Ok(await views.VisitsAsync(user, patientId, refresh == true, purpose, ct));
}

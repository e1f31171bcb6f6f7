using HisAdapter.API.Application.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;

namespace HisAdapter.API.Apis;

/// <summary>HIS reads on behalf of other platform services (client-credential role integration only).</summary>
public static class PatientRecordsApi
{
    public static IEndpointRouteBuilder MapPatientRecordsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/his/patients/{patientId:guid}").WithTags("HIS 数据查询")
            .RequireAuthorization(PlatformRoles.Integration);
        api.MapGet("/reports", Reports).WithName("HisPatientReports").WithSummary("患者的检查检验报告（含结果项）");
        api.MapGet("/reports/{reportId}", Report).WithName("HisPatientReport").WithSummary("一份报告及其结果项");
        api.MapGet("/reports/{reportId}/images/{index:int}", KeyImage).WithName("HisReportKeyImage").WithSummary("报告的关键图像（PNG/JPEG）");
        api.MapGet("/documents", Documents).WithName("HisPatientDocuments").WithSummary("门诊病历与出院小结");
        api.MapGet("/encounters", Encounters).WithName("HisPatientEncounters").WithSummary("就诊记录（门诊、急诊、住院）");
        api.MapGet("/conditions", Conditions).WithName("HisPatientConditions").WithSummary("诊断（ICD-10 编码、名称、是否在治、起病时间）");
        api.MapGet("/care-relationships/{practitionerId}", CareRelationship).WithName("HisCareRelationship")
            .WithSummary("该医生是否接诊过该患者（就诊或预约）");
        api.MapGet("/prescriptions", Prescriptions).WithName("HisPatientPrescriptions").WithSummary("处方与用法用量");
        api.MapGet("/charges", Charges).WithName("HisPatientCharges").WithSummary("费用明细与发票");
        api.MapGet("/deposits", Deposits).WithName("HisPatientDeposits").WithSummary("住院预交金账户余额");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ReportDto>>> Reports(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReportsAsync(patientId, ct));

    public static async Task<Ok<ReportDto>> Report(Guid patientId, string reportId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReportAsync(patientId, reportId, ct));

    public static async Task<FileContentHttpResult> KeyImage(Guid patientId, string reportId, int index, PatientRecordReader reader,
        CancellationToken ct)
    {
        var image = await reader.KeyImageAsync(patientId, reportId, index, ct);
        return TypedResults.File(image.Data, image.ContentType);
    }

    public static async Task<Ok<IReadOnlyList<DocumentDto>>> Documents(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DocumentsAsync(patientId, ct));

    public static async Task<Ok<IReadOnlyList<EncounterDto>>> Encounters(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.EncountersAsync(patientId, ct));

    public static async Task<Ok<IReadOnlyList<ConditionDto>>> Conditions(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ConditionsAsync(patientId, ct));

    public static async Task<Ok<CareRelationshipDto>> CareRelationship(Guid patientId, string practitionerId, PatientRecordReader reader,
        CancellationToken ct) => TypedResults.Ok(await reader.CareRelationshipAsync(patientId, practitionerId, ct));

    public static async Task<Ok<IReadOnlyList<PrescriptionDto>>> Prescriptions(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.PrescriptionsAsync(patientId, ct));

    public static async Task<Ok<ChargesDto>> Charges(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ChargesAsync(patientId, ct));

    public static async Task<Ok<IReadOnlyList<DepositDto>>> Deposits(Guid patientId, PatientRecordReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DepositsAsync(patientId, ct));
}

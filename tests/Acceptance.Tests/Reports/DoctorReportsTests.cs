using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Acceptance.Tests.Consultation;
using Acceptance.Tests.Identity;
using Acceptance.Tests.Queue;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Reports;

/// <summary>The doctor's 患者报告 (R21 for clinicians): doctor01 opens the patient being seen from the 叫号 desk and reads
/// the reports, a trend and the watermarked PDF; the HIS's care relationship (a visit with doctor01's practitioner) lets
/// them in, a patient without one is refused, and the patient sees the doctor's reads in 谁查看了我的病历 (X10).</summary>
[Collection(ServicesCollection.Name)]
public sealed class DoctorReportsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly BrowserFixture browser;

    public DoctorReportsTests(BrowserFixture browser)
    {
        this.browser = browser;
        SetDefaultExpectTimeout(20000);
    }

    private static async Task<HttpResponseMessage> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Edge.SendAsync(request);
    }

    [Fact]
    [Trait("Rubric", "R21")]
    [Trait("Rubric", "X10")]
    public async Task A_doctor_opens_the_patient_being_seen_reads_reports_trend_and_PDF_and_the_patient_sees_each_read()
    {
        using var his = new HisSimulator();
        var account = await IdentityApi.RegisterAsync();
        var (hisPatient, patientId) = await his.AddNewPatientAsync(account);
        await his.AddGlucoseReportAsync(hisPatient, 6.4m, 90);
        var newest = await his.AddGlucoseReportAsync(hisPatient, 7.6m, 0);
        await ConsultationStack.AddVisitAsync(his, hisPatient, QueueStack.DoctorPractitionerId, "内分泌科", "2型糖尿病", 30);
        await Eventually.Until(async () =>
        {
            using var response = await GetAsync(account.AccessToken, $"/api/reports/patients/{patientId}/reports?refresh=true");
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(newest);
        }, found => found, Wait, "the patient's reports through the HIS adapter");

        // The patient checks in at doctor01's clinic and is called in.
        var clinic = await QueueStack.ClinicAsync();
        var appointment = await clinic.BookAsync(patientId, TimeSpan.FromMinutes(5));
        await clinic.CheckInByApiAsync(account.AccessToken, appointment);
        var called = await clinic.ActAsync("call-next");
        Assert.Equal(patientId, called.GetProperty("calling").GetProperty("patientId").GetGuid());

        // A patient with no visit or appointment with doctor01 stays closed to them, and says nothing about the record.
        var stranger = await IdentityApi.RegisterAsync();
        var (strangerHis, strangerId) = await his.AddNewPatientAsync(stranger);
        await his.AddGlucoseReportAsync(strangerHis, 5.2m, 0);
        using (var refused = await GetAsync(clinic.DoctorToken, $"/api/reports/patients/{strangerId}/reports"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal("no_care_relationship", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            Assert.DoesNotContain("血糖", body);
        }

        await using var doctorContext = await browser.NewContextAsync(PatientSession.Desktop, new Dictionary<string, string>
        {
            ["platform.doctor.token"] = clinic.DoctorToken,
            ["doctor.queueId"] = clinic.QueueId.ToString(),
        });
        var desk = await doctorContext.NewPageAsync();
        await desk.RunAsync(async p =>
        {
            await p.GotoAsync("/doctor/queue");
            await Expect(p.GetByTestId("desk-calling")).ToHaveTextAsync("1 号");
            await p.GetByTestId("desk-calling-reports").ClickAsync();
            await Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/doctor/patient-reports\\?patientId={patientId}"));

            var rows = p.GetByTestId("doctor-report-list").Locator("tbody tr");
            await Expect(rows.Filter(new() { HasText = "空腹血糖" })).ToHaveCountAsync(2);
            await rows.Filter(new() { HasText = "空腹血糖" }).First.ClickAsync();
            var sheet = p.GetByTestId("doctor-report");
            await Expect(sheet).ToContainTextAsync("7.6");
            await Expect(sheet).ToContainTextAsync("↑");
            await Expect(sheet).ToContainTextAsync("3.9-6.1");
            await Expect(sheet.Locator(".watermark")).ToContainTextAsync("医生");

            await p.GetByTestId("trend-14749-6").ClickAsync();
            var trend = p.GetByTestId("doctor-trend");
            await Expect(trend).ToContainTextAsync("6.4");
            await Expect(trend).ToContainTextAsync("7.6");
            await Expect(trend.Locator(".chart svg")).ToBeVisibleAsync();

            // By id as well: the field opens the same patient.
            await p.GotoAsync("/doctor/patient-reports");
            await p.GetByRole(AriaRole.Textbox, new() { Name = "患者编号" }).FillAsync(patientId.ToString());
            await p.GetByTestId("patient-open").ClickAsync();
            await Expect(rows.Filter(new() { HasText = "空腹血糖" })).ToHaveCountAsync(2);
        });

        // The PDF as the doctor downloads it: a PDF, read under the doctor's name.
        var reportId = (await (await GetAsync(clinic.DoctorToken, $"/api/reports/patients/{patientId}/reports")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().First(r => r.GetProperty("hisId").GetString() == newest).GetProperty("id").GetGuid();
        using (var pdf = await GetAsync(clinic.DoctorToken, $"/api/reports/reports/{reportId}/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        }

        // The patient's 谁查看了我的病历 names the doctor for the list, the report and the trend.
        var log = (await (await GetAsync(account.AccessToken, $"/api/reports/patients/{patientId}/access-log")).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Where(e => e.GetProperty("roleText").GetString() == "医生" && !e.GetProperty("refused").GetBoolean()).ToList();
        Assert.Contains(log, e => e.GetProperty("what").GetString() == "检查检验报告列表");
        Assert.Contains(log, e => e.GetProperty("what").GetString() == "空腹血糖");
        Assert.Contains(log, e => e.GetProperty("what").GetString()!.Contains("趋势"));
        Assert.All(log, e => Assert.EndsWith("医生", e.GetProperty("who").GetString()));
    }
}

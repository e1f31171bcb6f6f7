using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Platform.Testing;
using Reports.API.Application.Pdf;

namespace Reports.Tests;

/// <summary>Report PDFs: drawn as the hospital prints them, watermarked with the reader and time on every page,
/// authorised and audited like the report itself; a server without the CJK font answers 503, never 500.</summary>
public sealed class ReportPdfTests(ReportsFixture f) : IClassFixture<ReportsFixture>
{
    private const string Alt = "1742-6";

    private async Task<JsonElement> LabReportAsync()
    {
        var me = f.Patient(f.ZhangSanAccount, f.ZhangSan);
        var list = await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/reports");
        var hisIds = (await f.AdapterGetAsync<JsonElement>($"/api/his/patients/{f.ZhangSan}/reports")).EnumerateArray()
            .Where(r => r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("loinc").GetString() == Alt && i.GetProperty("abnormal").GetBoolean()))
            .Select(r => r.GetProperty("id").GetString()!).ToList();
        var id = list.GetProperty("items").EnumerateArray().First(r => hisIds.Contains(r.GetProperty("hisId").GetString()!)).GetProperty("id").GetGuid();
        return await me.GetFromJsonAsync<JsonElement>($"/api/reports/reports/{id}");
    }

    private async Task<int> ReadsOfAsync(string title) =>
        (await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/access-log"))
        .EnumerateArray().Count(e => e.GetProperty("what").GetString() == title && !e.GetProperty("refused").GetBoolean());

    [Fact]
    public async Task The_patient_downloads_the_report_as_printed_with_the_watermark_on_every_page_and_the_read_is_audited()
    {
        var report = await LabReportAsync();
        var id = report.GetProperty("id").GetGuid();
        var title = report.GetProperty("title").GetString()!;
        var readsBefore = await ReadsOfAsync(title);

        var response = await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetAsync($"/api/reports/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        var pages = PdfText.Pages(pdf);
        Assert.NotEmpty(pages);
        var watermark = Regex.Match(pages[0], @"患者本人/家属 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 查看");
        Assert.True(watermark.Success, pages[0]);
        // The watermark is the reader and the minute of this read, like the detail's own.
        Assert.Equal(report.GetProperty("watermark").GetString()![..^9], watermark.Value[..^9]);
        Assert.All(pages, page => Assert.Contains(watermark.Value, page));
        var text = string.Concat(pages);
        Assert.Contains(title, text);
        var alt = report.GetProperty("items").EnumerateArray().First(i => i.GetProperty("loinc").GetString() == Alt);
        Assert.Contains(alt.GetProperty("name").GetString()!, text);
        Assert.Contains("88 ↑", text);
        Assert.Contains(alt.GetProperty("referenceRange").GetString()!, text);
        Assert.Contains("参考范围", text);

        Assert.Equal(readsBefore + 1, await ReadsOfAsync(title));
    }

    [Fact]
    public async Task An_imaging_report_PDF_carries_findings_conclusion_and_key_image_captions()
    {
        var me = f.Patient(f.ZhangSanAccount, f.ZhangSan);
        var list = await me.GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/reports");
        var imaging = list.GetProperty("items").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "imaging").GetProperty("id").GetGuid();
        var film = await me.GetFromJsonAsync<JsonElement>($"/api/reports/reports/{imaging}");
        var text = string.Concat(PdfText.Pages(await me.GetByteArrayAsync($"/api/reports/reports/{imaging}/pdf")));
        Assert.Contains("检查所见", text);
        Assert.Contains(film.GetProperty("keyImages")[0].GetProperty("caption").GetString()!, text);
        Assert.Contains("DX", text);
    }

    [Fact]
    public async Task Another_patients_account_is_refused_the_PDF_and_the_attempt_is_audited()
    {
        var report = await LabReportAsync();
        var response = await f.Patient(f.OtherAccount, f.Other).GetAsync($"/api/reports/reports/{report.GetProperty("id").GetGuid()}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // as for an id nobody has
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("not_found", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("%PDF", body);
        var log = await f.Patient(f.ZhangSanAccount, f.ZhangSan).GetFromJsonAsync<JsonElement>($"/api/reports/patients/{f.ZhangSan}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("refused").GetBoolean() && e.GetProperty("roleText").GetString() == "其他账号");
    }

    [Fact]
    public async Task Without_the_CJK_font_the_PDF_is_a_Chinese_503_and_no_read_is_audited()
    {
        var report = await LabReportAsync();
        var title = report.GetProperty("title").GetString()!;
        var readsBefore = await ReadsOfAsync(title);
        await using var fontless = f.Service.WithWebHostBuilder(b => b.UseSetting("Reports:PdfFontFile", "/nonexistent/wqy-microhei.ttc"));
        var client = fontless.CreateClient();
        client.DefaultRequestHeaders.Authorization = f.Patient(f.ZhangSanAccount, f.ZhangSan).DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync($"/api/reports/reports/{report.GetProperty("id").GetGuid()}/pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pdf_unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("字体", problem.GetProperty("detail").GetString() ?? problem.GetProperty("title").GetString());
        Assert.Equal(readsBefore, await ReadsOfAsync(title));
    }

    [Fact]
    public void A_TrueType_collection_is_cut_to_a_standalone_first_face()
    {
        var ttc = File.ReadAllBytes("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        var font = TrueTypeCollection.FirstFace(ttc);
        Assert.False(TrueTypeCollection.IsCollection(font));
        var tables = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tags = new List<string>();
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + 16 * i);
            tags.Add(System.Text.Encoding.ASCII.GetString(record[..4]));
            var offset = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset + length <= font.Length, $"{tags[^1]} at {offset}+{length}");
        }
        Assert.Superset(new HashSet<string> { "cmap", "glyf", "head", "hmtx", "loca", "name" }, tags.ToHashSet());
    }
}

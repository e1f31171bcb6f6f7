using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests;

/// <summary>The backbone end to end: the department came from the HIS sync; staff signed in through Identity edit a department in the admin console; Hospital.API commits the change
/// and its event (outbox), RabbitMQ carries it, Notification.API pushes over SignalR through nginx, and the patient's
/// open page says so and shows the new text without a reload.</summary>
[Collection(PagesCollection.Name)]
public sealed class LiveDepartmentUpdateTests(BrowserFixture browser)
{
    /// <summary>康复医学科, as the HIS (simulator) names it: departments reach the platform through the HIS sync.</summary>
    private const string Code = "kfyxk";

    private static async Task<JsonElement> DepartmentAsync(string code)
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.EdgeUrl) };
        var all = await http.GetFromJsonAsync<JsonElement>("/api/hospital/departments");
        return all.EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_department_edited_by_staff_appears_live_in_the_patient_app()
    {
        var department = await DepartmentAsync(Code);
        var staffToken = await StackTokens.StaffAsync();
        var newSummary = $"康复评定与训练（{DateTime.UtcNow:HHmmss}更新）";

        await using var patientContext = await browser.NewContextAsync();
        var patient = await patientContext.NewPageAsync();
        await patient.RunAsync(async p =>
        {
            await p.GotoAsync("/departments");
            await Expect(p.GetByTestId("dept-list")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("push-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15000 });

            await using var staffContext = await browser.NewContextAsync(PatientSession.Desktop,
                new Dictionary<string, string> { ["platform.staff.token"] = staffToken });
            var admin = await staffContext.NewPageAsync();
            await admin.RunAsync(async a =>
            {
                await a.GotoAsync("/admin/");
                await Expect(a.GetByTestId("admin-dept-table")).ToBeVisibleAsync();
                await a.Locator($"[data-testid=edit-dept][data-code={Code}]").ClickAsync();
                var summary = a.GetByTestId("dept-form-summary");
                await summary.FillAsync(newSummary);
                await a.GetByTestId("dept-form-save").ClickAsync();
                await Expect(a.GetByText("保存成功")).ToBeVisibleAsync();
            }, "A_department_edited_by_staff_appears_live_in_the_patient_app_admin");

            await Expect(p.GetByText("科室信息已更新").First).ToBeVisibleAsync(new() { Timeout = 15000 });
            var item = p.Locator($"[data-testid=dept-item][data-code={Code}]");
            await item.ClickAsync();
            await Expect(p.GetByText(newSummary)).ToBeVisibleAsync();
        });

        var saved = await DepartmentAsync(Code);
        Assert.Equal(newSummary, saved.GetProperty("summary").GetString());
        Assert.Equal(department.GetProperty("version").GetInt32() + 1, saved.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_patient_home_is_organised_by_the_five_scenes_in_chinese()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            foreach (var scene in new[] { "基础服务", "诊前", "诊中", "诊后", "全程" })
                await Expect(p.GetByText(scene, new() { Exact = true }).First).ToBeVisibleAsync();
            foreach (var tab in new[] { "首页", "消息", "我的" })
                await Expect(p.GetByRole(AriaRole.Link, new() { Name = tab }).Or(p.GetByText(tab, new() { Exact = true })).First).ToBeVisibleAsync();
        });
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Consultation;

/// <summary>X09: the workstation's medical calculators answer as the doctor types.</summary>
[Collection(PagesCollection.Name)]
public sealed class CalculatorTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rubric", "X09")]
    public async Task The_doctor_computes_BMI_eGFR_CHA2DS2_VASc_and_the_acute_GvHD_grade()
    {
        var token = await StackTokens.StaffAsync("doctor01", "Doctor@2026", "doctor");
        await using var context = await browser.NewContextAsync(PatientSession.Desktop, new Dictionary<string, string> { ["platform.doctor.token"] = token });
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/doctor/calculators");
            async Task Fill(string testId, string value)
            {
                var input = p.GetByTestId(testId).Locator("input");
                await input.FillAsync(value);
                await input.PressAsync("Tab");
            }
            await Fill("calc-bmi-weight", "70");
            await Fill("calc-bmi-height", "175");
            await Expect(p.GetByTestId("calc-bmi-result")).ToContainTextAsync("22.9");
            await Expect(p.GetByTestId("calc-bmi-result")).ToContainTextAsync("正常");

            await Fill("calc-egfr-creatinine", "106");
            await Fill("calc-egfr-age", "60");
            await Expect(p.GetByTestId("calc-egfr-result")).ToContainTextAsync("eGFR 69");
            await Expect(p.GetByTestId("calc-egfr-result")).ToContainTextAsync("G2");

            await Fill("calc-cha-age", "76");
            await p.GetByTestId("calc-cha-hypertension").ClickAsync();
            await Expect(p.GetByTestId("calc-cha-result")).ToContainTextAsync("3 分");
            await Expect(p.GetByTestId("calc-cha-result")).ToContainTextAsync("推荐口服抗凝治疗");

            await Fill("calc-gvhd-bsa", "60");
            await Fill("calc-gvhd-bilirubin", "60");
            await Expect(p.GetByTestId("calc-gvhd-result")).ToContainTextAsync("III度");
        }, "X09_calculators");
    }
}

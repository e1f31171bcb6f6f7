using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Hospital;

/// <summary>What a patient reads before coming, on a phone, reached from the home page: the hospital and its campuses
/// (R06), departments (R07), doctors with search and clinic times (R08), the patient guide (R09) and the booking
/// instructions (R11). Departments and doctors come from the HIS simulator through the sync; texts are the seeded,
/// published demo content.</summary>
[Collection(PagesCollection.Name)]
public sealed class HospitalInfoTests
{
    private readonly BrowserFixture browser;

    public HospitalInfoTests(BrowserFixture browser)
    {
        this.browser = browser;
        // Two cores shared by several stacks: give pages longer than Playwright's 5 s before calling them broken.
        SetDefaultExpectTimeout(15000);
    }

    private async Task InPatientApp(Func<IPage, Task> body, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(body, test);
    }

    [Fact]
    [Trait("Rubric", "R06")]
    public Task The_hospital_profile_shows_scale_history_honours_specialties_technologies_and_every_campus() => InPatientApp(async p =>
    {
        await p.GotoAsync("/");
        await p.GetByTestId("service-hospital").ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("/hospital$"));
        await Expect(p.GetByTestId("hospital-name")).ToHaveTextAsync("江城市第一人民医院");
        var scale = p.GetByTestId("hospital-scale");
        await Expect(scale).ToContainTextAsync("3200");
        await Expect(scale).ToContainTextAsync("编制床位");
        await Expect(scale).ToContainTextAsync("职工人数");
        await Expect(scale).ToContainTextAsync("院区");
        await Expect(p.GetByTestId("hospital-history")).ToContainTextAsync("1952年");
        await Expect(p.GetByTestId("hospital-honours")).ToContainTextAsync("国家级胸痛中心");
        await Expect(p.GetByTestId("hospital-specialties")).ToContainTextAsync("心血管内科");
        await Expect(p.GetByTestId("hospital-technologies")).ToContainTextAsync("冠状动脉介入治疗");

        // The campuses of the HIS: 本部院区 (解放大道1095号) and 光谷院区 (高新大道666号).
        await Expect(p.GetByTestId("campus")).ToHaveCountAsync(2);
        foreach (var (name, street, phone) in new[] { ("本部院区", "解放大道1095号", "027-82211000"), ("光谷院区", "高新大道666号", "027-87655000") })
        {
            var campus = p.Locator($"[data-testid=campus][data-campus={name}]");
            await Expect(campus.GetByTestId("campus-address")).ToContainTextAsync(street);
            await Expect(campus.GetByTestId("campus-routes")).ToContainTextAsync("地铁");
            await Expect(campus.GetByTestId("campus-map")).ToHaveAttributeAsync("href", new Regex("^https://uri\\.amap\\.com/marker"));
            await Expect(campus.Locator($"a[href='tel:{phone.Replace("-", "")}']")).ToBeVisibleAsync();
            await Expect(campus.GetByTestId("campus-email")).ToContainTextAsync("@jcsy.example");
        }
    });

    [Fact]
    [Trait("Rubric", "R07")]
    public Task A_department_page_has_overview_contacts_staff_scope_flagship_specialties_and_its_doctors() => InPatientApp(async p =>
    {
        await p.GotoAsync("/");
        await p.GetByTestId("service-departments").ClickAsync();
        var endocrine = p.Locator("[data-testid=dept-item][data-code=nfmk]");
        await Expect(endocrine).ToContainTextAsync("内分泌科");
        await Expect(endocrine.GetByTestId("dept-flagship")).ToHaveTextAsync("重点专科");
        await Expect(p.Locator("[data-testid=dept-item][data-code=pfk] [data-testid=dept-flagship]")).ToHaveCountAsync(0);

        await endocrine.ClickAsync();
        var detail = p.GetByTestId("dept-detail");
        await Expect(detail).ToHaveAttributeAsync("data-code", "nfmk");
        await Expect(detail.GetByTestId("dept-flagship")).ToBeVisibleAsync();
        await Expect(p.GetByTestId("dept-overview")).ToContainTextAsync("临床重点专科");
        await Expect(p.GetByTestId("dept-scope")).ToContainTextAsync("糖尿病");
        await Expect(p.GetByTestId("dept-staff")).ToContainTextAsync("主任医师");
        await Expect(p.GetByTestId("dept-specialties")).ToContainTextAsync("胰岛素泵强化治疗");
        await Expect(p.GetByTestId("dept-hours")).ToContainTextAsync("周一至周六");
        await Expect(detail.Locator("a[href^='tel:']").First).ToBeVisibleAsync();
        // Its doctors are the HIS practitioners of 内分泌科.
        await Expect(p.GetByTestId("dept-doctors").GetByTestId("doctor-item")).ToHaveCountAsync(3);
        await Expect(p.GetByTestId("dept-doctors")).ToContainTextAsync("朱健鹤");
    });

    [Fact]
    [Trait("Rubric", "R08")]
    public Task Searching_a_disease_finds_the_endocrinologists_and_a_doctor_shows_photo_title_expertise_and_clinic_times() => InPatientApp(async p =>
    {
        await p.GotoAsync("/");
        await p.GetByTestId("service-doctors").ClickAsync();
        await Expect(p.GetByTestId("doctor-list")).ToBeVisibleAsync();
        await p.GetByTestId("doctor-search").Locator("input").FillAsync("糖尿病");
        await p.GetByTestId("doctor-search-submit").ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("q=%E7%B3%96"));

        // 内分泌科 of the HIS simulator: 朱健鹤 and 田松 list 糖尿病及并发症, 莫志 does not.
        var items = p.GetByTestId("doctor-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToContainTextAsync("朱健鹤");
        await Expect(items.Nth(1)).ToContainTextAsync("田松");
        for (var i = 0; i < 2; i++)
        {
            await Expect(items.Nth(i)).ToContainTextAsync("内分泌科");
            await Expect(items.Nth(i).GetByTestId("doctor-expertise")).ToContainTextAsync("糖尿病");
        }
        await Expect(p.GetByText("莫志")).ToHaveCountAsync(0);

        await p.GetByTestId("doctor-search").Locator("input").FillAsync("莫志");
        await p.GetByTestId("doctor-search-submit").ClickAsync();
        await Expect(items.First).ToContainTextAsync("莫志");

        await p.GetByTestId("doctor-search").Locator("input").FillAsync("糖尿病");
        await p.GetByTestId("doctor-search-submit").ClickAsync();
        await Expect(items).ToHaveCountAsync(2);
        await items.Nth(0).ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("/doctors/prac-"));
        await Expect(p.GetByTestId("doctor-name")).ToHaveTextAsync("朱健鹤");
        await Expect(p.GetByTestId("doctor-title")).ToContainTextAsync("主任医师");
        await Expect(p.GetByTestId("doctor-expertise")).ToContainTextAsync("糖尿病及并发症");
        var photo = p.GetByTestId("doctor-photo");
        await Expect(photo).ToHaveAttributeAsync("alt", "朱健鹤的照片");
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the doctor's photo loads");
        // Clinic times come from the HIS schedule (a 主任医师 works two half-days a week, four weeks ahead).
        await Expect(p.GetByTestId("doctor-clinic").First).ToContainTextAsync(new Regex("(上午|下午)"));
        Assert.True(await p.GetByTestId("doctor-clinic").CountAsync() >= 2);
    });

    [Fact]
    [Trait("Rubric", "R09")]
    public Task The_patient_guide_walks_through_a_visit_and_each_step_opens_the_page_that_does_it() => InPatientApp(async p =>
    {
        await p.GotoAsync("/");
        await p.GetByTestId("service-guide").ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("/guide$"));
        foreach (var title in new[] { "门诊就医流程", "首次就诊须知", "检查检验指南", "住院指南" })
            await Expect(p.GetByTestId("guide-list")).ToContainTextAsync(title);

        await p.Locator("[data-testid=guide-item][data-key=outpatient-flow]").ClickAsync();
        await Expect(p.GetByTestId("guide-title")).ToHaveTextAsync("门诊就医流程");
        await Expect(p.GetByTestId("guide-step")).ToHaveCountAsync(6);
        await Expect(p.GetByTestId("guide-materials")).ToContainTextAsync("身份证");
        await Expect(p.GetByTestId("guide-notes")).ToContainTextAsync("急诊");

        await p.GetByRole(AriaRole.Button, new() { Name = "去预约挂号" }).ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("booking"));

        await p.GotoAsync("/guide/first-visit");
        await p.GetByRole(AriaRole.Button, new() { Name = "去找医生" }).ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("/doctors$"));
        await Expect(p.GetByTestId("doctor-list")).ToBeVisibleAsync();
    });

    [Fact]
    [Trait("Rubric", "R11")]
    public Task Booking_instructions_give_steps_and_materials_for_registration_exams_and_admission() => InPatientApp(async p =>
    {
        await p.GotoAsync("/");
        await p.GetByTestId("service-booking-notice").ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("/booking-notice$"));
        var expected = new[]
        {
            ("booking-registration", "预约挂号须知", "医保电子凭证"),
            ("booking-exam", "检查预约须知", "电子检查申请单"),
            ("booking-admission", "住院预约须知", "电子住院证"),
        };
        foreach (var (key, title, material) in expected)
        {
            await p.GotoAsync("/booking-notice");
            await p.Locator($"[data-testid=guide-item][data-key={key}]").ClickAsync();
            await Expect(p.GetByTestId("guide-title")).ToHaveTextAsync(title);
            Assert.True(await p.GetByTestId("guide-step").CountAsync() >= 3, $"{title} has steps");
            await Expect(p.GetByTestId("guide-materials")).ToContainTextAsync(material);
        }
        await p.GotoAsync("/booking-notice");
        await p.GetByRole(AriaRole.Tab, new() { Name = "就医指南" }).ClickAsync();
        await Expect(p).ToHaveURLAsync(new Regex("/guide$"));
    });
}

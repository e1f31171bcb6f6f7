using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>实名认证 (R02): the account holder is checked with the verification authority before becoming a 就诊人.</summary>
[Collection(PagesCollection.Name)]
public sealed class RealNameTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rubric", "R02")]
    [Trait("Rubric", "R01")]
    public async Task Self_verification_with_matching_details_marks_the_patient_verified()
    {
        var account = await IdentityApi.RegisterAsync();
        var (name, idNumber) = (TestPeople.ChineseName(), TestPeople.ResidentId(TestPeople.BornYearsAgo(35)));
        await Simulators.AddPersonAsync(name, idNumber);

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/patients/add?relation=self");
            await p.FillPatientFormAsync("self", name, idNumber, account.Phone);
            await p.GetByTestId("patient-submit").ClickAsync();

            var item = p.Locator("[data-testid=patient-item][data-relation=self]");
            await Expect(item).ToBeVisibleAsync();
            await Expect(item.GetByTestId("patient-name")).ToHaveTextAsync(name);
            await Expect(item.GetByTestId("patient-verified")).ToHaveTextAsync("已实名");
            await Expect(item.GetByTestId("patient-id-masked")).ToHaveTextAsync($"{idNumber[..4]}************{idNumber[^2..]}");
            await Expect(item.GetByTestId("patient-remove")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    [Trait("Rubric", "R02")]
    public async Task Verification_by_bank_card_matches_the_card_holder()
    {
        var account = await IdentityApi.RegisterAsync();
        var (name, idNumber) = (TestPeople.ChineseName(), TestPeople.ResidentId(TestPeople.BornYearsAgo(42)));
        var card = "6222" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999);
        await Simulators.AddPersonAsync(name, idNumber, bankCard: card, bankPhone: account.Phone);

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/patients/add?relation=self");
            await p.FillPatientFormAsync("self", name, idNumber, account.Phone);
            await p.GetByTestId("method-bank_card").ClickAsync();
            await p.Input("patient-card-number").FillAsync(card);
            await p.GetByTestId("patient-submit").ClickAsync();
            await Expect(p.Locator("[data-testid=patient-item][data-relation=self]").GetByTestId("patient-verified")).ToBeVisibleAsync();
        });
    }

    [Fact]
    [Trait("Rubric", "R02")]
    public async Task A_mismatch_is_rejected_with_a_clear_message_and_nothing_is_saved()
    {
        var account = await IdentityApi.RegisterAsync();
        var idNumber = TestPeople.ResidentId(TestPeople.BornYearsAgo(30));
        await Simulators.AddPersonAsync("赵真名", idNumber);

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/patients/add?relation=self");

            // A wrong check digit is caught on the phone, before anything is sent.
            await p.Input("patient-id-number").FillAsync(TestPeople.ResidentIdWithWrongCheckChar(TestPeople.BornYearsAgo(30)));
            await Expect(p.GetByTestId("patient-id-number")).ToContainTextAsync("校验位");

            await p.FillPatientFormAsync("self", "钱假名", idNumber, account.Phone);
            await p.GetByTestId("patient-submit").ClickAsync();
            var error = p.GetByTestId("verify-error");
            await Expect(error).ToHaveAttributeAsync("data-code", "realname_mismatch");
            await Expect(error).ToContainTextAsync("信息不一致");
        });

        var patients = await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me/patients");
        Assert.Equal(0, patients.GetArrayLength());
    }
}

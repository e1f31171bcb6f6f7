using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Identity;

/// <summary>家庭代办 (X05, R01): one account adds a parent and a child under 14 (with guardian consent) and picks the
/// 当前就诊人 the other pages act for.</summary>
[Collection(PagesCollection.Name)]
public sealed class FamilyProxyTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rubric", "X05")]
    [Trait("Rubric", "R01")]
    public async Task A_parent_and_a_young_child_are_added_and_selectable_as_the_current_patient()
    {
        var account = await IdentityApi.RegisterAsync();
        // Surnames kept apart (王 / 周 / 吴), so the page never shows two people of the same name.
        var self = await IdentityApi.AddPatientAsync(account.AccessToken, "self", "王" + TestPeople.ChineseName()[1..],
            TestPeople.ResidentId(TestPeople.BornYearsAgo(36)), account.Phone);
        var (parentName, parentId) = ("周" + TestPeople.ChineseName()[1..], TestPeople.ResidentId(TestPeople.BornYearsAgo(66)));
        var (childName, childId) = ("吴" + TestPeople.ChineseName()[1..], TestPeople.ResidentId(TestPeople.BornYearsAgo(6)));
        await Simulators.AddPersonAsync(parentName, parentId);
        await Simulators.AddPersonAsync(childName, childId);

        await using var context = await browser.SignedInContextAsync(account);
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/mine");
            await p.GetByTestId("mine-patients").ClickAsync();
            await Expect(p.GetByTestId("current-patient")).ToHaveAttributeAsync("data-id", self.GetProperty("id").GetString()!);

            await p.GetByTestId("patient-add").ClickAsync();
            await p.FillPatientFormAsync("parent", parentName, parentId, TestPeople.Phone());
            await Expect(p.GetByTestId("guardian-section")).ToHaveCountAsync(0);
            await p.GetByTestId("patient-submit").ClickAsync();
            await Expect(p.Locator($"[data-testid=patient-item][data-name='{parentName}']").GetByTestId("patient-verified")).ToBeVisibleAsync();

            await p.GetByTestId("patient-add").ClickAsync();
            await p.FillPatientFormAsync("child", childName, childId, account.Phone);
            await Expect(p.GetByTestId("guardian-section")).ToBeVisibleAsync();
            await p.GetByTestId("patient-submit").ClickAsync();
            await Expect(p.GetByTestId("guardian-section")).ToContainTextAsync("请确认您是该儿童的监护人");
            await p.GetByTestId("guardian-consent").ClickAsync();
            await p.GetByTestId("patient-submit").ClickAsync();

            var child = p.Locator($"[data-testid=patient-item][data-name='{childName}']");
            await Expect(child.GetByTestId("patient-verified")).ToBeVisibleAsync();
            await Expect(p.GetByTestId("patient-item")).ToHaveCountAsync(3);

            await child.GetByTestId("patient-select").ClickAsync();
            await Expect(child).ToHaveAttributeAsync("data-current", "true");
            var childPatientId = await child.GetAttributeAsync("data-id");
            Assert.Equal(childPatientId, await p.LocalStorageAsync("platform.patient.current"));

            await p.ReloadAsync();
            await Expect(p.GetByTestId("current-patient")).ToContainTextAsync(childName);
            await Expect(p.Locator($"[data-testid=patient-item][data-name='{childName}']")).ToHaveAttributeAsync("data-current", "true");
        });

        var patients = await IdentityApi.GetAsync(account.AccessToken, "/api/identity/me/patients");
        var relations = patients.EnumerateArray().Select(x => x.GetProperty("relation").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(["child", "parent", "self"], relations);
    }
}

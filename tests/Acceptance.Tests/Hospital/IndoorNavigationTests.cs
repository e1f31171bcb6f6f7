using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Acceptance.Tests.Hospital;

/// <summary>R23: patients find a place by everyday words and see it highlighted on the drawn floor map; a QR code's
/// scene value (map:&lt;placeId&gt;, turned into /navigation?from=&lt;placeId&gt; by the WeChat gateway) opens the map at it.</summary>
[Collection(PagesCollection.Name)]
[Trait("Rubric", "R23")]
public sealed class IndoorNavigationTests(BrowserFixture browser)
{
    [Fact]
    public async Task Searching_抽血_shows_building_floor_room_and_the_highlighted_spot_on_the_map()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            await p.GotoAsync("/");
            await p.GetByTestId("service-navigation").ClickAsync();
            await Expect(p.GetByTestId("floor-map")).ToBeVisibleAsync();

            await p.Locator("[data-testid=nav-search] input").FillAsync("抽血");
            await p.GetByTestId("nav-search-submit").ClickAsync();
            var first = p.GetByTestId("nav-result").First;
            await Expect(first).ToHaveAttributeAsync("data-place-id", "main-yjl-2-blood");
            await Expect(first).ToContainTextAsync("门诊采血处");
            await first.ClickAsync();

            var info = p.GetByTestId("place-info");
            await Expect(info).ToHaveAttributeAsync("data-place-id", "main-yjl-2-blood");
            await Expect(p.GetByTestId("place-building")).ToContainTextAsync("医技楼");
            await Expect(p.GetByTestId("place-floor")).ToContainTextAsync("2F");
            await Expect(p.GetByTestId("place-room")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^2\d\d室$"));
            await Expect(p.GetByTestId("floor-map")).ToHaveAttributeAsync("data-map-code", "main-yjl-2");
            await Expect(p.Locator("[data-testid=floor-switcher] .van-tab--active")).ToContainTextAsync("2F");

            // The highlight sits on the drawing, over the room's own marker.
            var highlight = p.GetByTestId("map-highlight");
            await Expect(highlight).ToHaveAttributeAsync("data-place-id", "main-yjl-2-blood");
            var spot = await p.Locator("[data-testid=map-highlight] circle").Last.BoundingBoxAsync();
            var map = await p.GetByTestId("floor-map").BoundingBoxAsync();
            var marker = await p.Locator("circle[data-place-id=main-yjl-2-blood]").BoundingBoxAsync();
            Assert.NotNull(spot);
            Assert.NotNull(map);
            Assert.NotNull(marker);
            var (sx, sy) = (spot.X + spot.Width / 2, spot.Y + spot.Height / 2);
            Assert.InRange(sx, map.X, map.X + map.Width);
            Assert.InRange(sy, map.Y, map.Y + map.Height);
            Assert.InRange(sx - (marker.X + marker.Width / 2), -1, 1);
            Assert.InRange(sy - (marker.Y + marker.Height / 2), -1, 1);
            await Expect(p.Locator("img.floor-map__drawing")).ToHaveAttributeAsync("alt", "本部院区医技楼2F平面图");
        });
    }

    [Fact]
    public async Task A_scanned_qr_code_link_opens_the_map_at_its_spot_and_floors_can_be_switched()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RunAsync(async p =>
        {
            // What the WeChat gateway answers a SCAN of scene "map:dept-xxgnk" with.
            await p.GotoAsync("/navigation?from=dept-xxgnk");
            await Expect(p.GetByTestId("place-info")).ToHaveAttributeAsync("data-place-id", "dept-xxgnk");
            await Expect(p.GetByTestId("place-info")).ToContainTextAsync("心血管内科");
            await Expect(p.GetByTestId("place-building")).ToContainTextAsync("本部院区 门诊楼");
            await Expect(p.GetByTestId("map-highlight")).ToHaveAttributeAsync("data-place-id", "dept-xxgnk");
            await Expect(p.GetByTestId("floor-map")).ToHaveAttributeAsync("data-map-code", "main-mzl-3");

            await p.Locator("[data-testid=floor-switcher] .van-tab", new() { HasText = "1F" }).ClickAsync();
            await Expect(p.GetByTestId("floor-map")).ToHaveAttributeAsync("data-map-code", "main-mzl-1");
            await Expect(p.Locator("circle[data-place-id=main-mzl-1-pharmacy]")).ToBeAttachedAsync();

            // Another feature's "带我去" link by stable id.
            await p.GotoAsync("/navigation?to=main-mzl-1-payment");
            await Expect(p.GetByTestId("map-highlight")).ToHaveAttributeAsync("data-place-id", "main-mzl-1-payment");
            await Expect(p.GetByTestId("place-info")).ToContainTextAsync("挂号收费处");
        });
    }
}

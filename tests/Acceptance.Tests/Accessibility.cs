using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>Accessibility checks any browser test can run on the page it has open: axe-core (from gateway/web's npm
/// packages), the smallest body text and the smallest touch target. Each failure names the offending elements.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(TestEnvironment.Root, "gateway", "web", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path)) throw new InvalidOperationException($"找不到 axe-core（{path}）：请在 gateway/web 执行 npm ci（./platform up 会执行）");
        return File.ReadAllText(path);
    });

    // WCAG 2.0–2.2 A/AA and axe's best practices.
    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>axe-core finds no serious or critical violation on the page as it is now. The source is evaluated through
    /// the DevTools protocol, which the page's Content-Security-Policy does not govern (a script tag would be refused).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async tags => {
              const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 6).map(n => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'))
            }
            """, AxeTags);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{page.Url} 有 {found.Count} 类严重的无障碍问题：\n{string.Join("\n", found)}");
    }

    /// <summary>Every visible piece of text measures at least <paramref name="px"/> (computed font size).</summary>
    public static async Task AssertBodyTextAtLeastAsync(IPage page, double px)
    {
        var small = await page.EvaluateAsync<string[]>("""
            min => {
              const found = []
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.textContent.trim()
                const el = node.parentElement
                if (!text || !el || el.closest('script, style, noscript, [aria-hidden="true"]')) continue
                const range = document.createRange()
                range.selectNodeContents(node)
                const box = range.getBoundingClientRect()
                const style = getComputedStyle(el)
                if (box.width < 2 || box.height < 2 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue
                const size = parseFloat(style.fontSize)
                if (size + 0.01 < min) found.push(`${size}px「${text.slice(0, 20)}」<${el.tagName.toLowerCase()} class="${el.className}">`)
              }
              return found
            }
            """, px);
        Assert.True(small.Length == 0, $"{page.Url} 有 {small.Length} 处文字小于 {px}px：\n{string.Join("\n", small.Take(20))}");
    }

    /// <summary>Every visible control is at least <paramref name="px"/> × <paramref name="px"/>, except links inside a
    /// sentence (WCAG 2.5.5's inline exception).</summary>
    public static async Task AssertTouchTargetsAtLeastAsync(IPage page, double px)
    {
        var small = await page.EvaluateAsync<string[]>("""
            min => {
              const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="tab"], ' +
                '[role="switch"], [role="checkbox"], [role="radio"], [role="menuitem"], [tabindex]:not([tabindex="-1"]), .van-cell--clickable'
              const found = []
              for (const el of document.querySelectorAll(selector)) {
                if (el.disabled || el.closest('[aria-hidden="true"], [inert]')) continue
                const style = getComputedStyle(el)
                const box = el.getBoundingClientRect()
                if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue
                // A native control Vant hides under its styled twin is not what the finger touches.
                if (Number(style.opacity) === 0 && el.tagName === 'INPUT') continue
                const inSentence = style.display === 'inline' && el.parentElement &&
                  el.parentElement.textContent.trim().length > el.textContent.trim().length
                if (inSentence) continue
                if (box.width + 0.5 < min || box.height + 0.5 < min) {
                  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 20)
                  found.push(`${Math.round(box.width)}×${Math.round(box.height)}「${name}」<${el.tagName.toLowerCase()} class="${el.className}">`)
                }
              }
              return found
            }
            """, px);
        Assert.True(small.Length == 0, $"{page.Url} 有 {small.Length} 个可点击元素小于 {px}×{px}px：\n{string.Join("\n", small.Take(20))}");
    }

    /// <summary>All three checks with the elder-mode yardsticks: 18 px text, 44 px targets, no serious axe violations.</summary>
    public static async Task AssertElderFriendlyAsync(IPage page)
    {
        await AssertBodyTextAtLeastAsync(page, 18);
        await AssertTouchTargetsAtLeastAsync(page, 44);
        await AssertNoSeriousViolationsAsync(page);
    }
}

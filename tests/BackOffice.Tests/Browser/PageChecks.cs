using Microsoft.Playwright;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Accessibility checks run in the page (issue 17). Contrast is the WCAG 2.x ratio (relative luminance per
/// https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio): 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold).
/// </summary>
public static class PageChecks
{
    /// <summary>Inputs, selects and text areas with no label element around or for them and no aria-label.</summary>
    public const string Unlabelled = """
        () => [...document.querySelectorAll('input:not([type=hidden]),select,textarea')]
          .filter(e => !e.closest('label') && !e.getAttribute('aria-label') && !(e.id && document.querySelector(`label[for="${e.id}"]`)))
          .map(e => `${e.tagName.toLowerCase()}[name=${e.name}]`)
        """;

    /// <summary>Issue 17: images without alt text and SVG drawings without a title or aria-label (a screen reader reads nothing).</summary>
    public const string Untitled = """
        () => [...document.querySelectorAll('img:not([alt]),svg')]
          .filter(e => e.tagName.toLowerCase() === 'img' || (!e.querySelector(':scope > title')?.textContent.trim() && !e.getAttribute('aria-label')))
          .map(e => e.outerHTML.slice(0, 60))
        """;

    /// <summary>Issue 17: headings that skip a level going down (h1 then h3), or a page whose first heading is not its one h1.</summary>
    public const string HeadingsOutOfOrder = """
        () => {
          const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
          const bad = [];
          if (levels[0] !== 1 || levels.filter(l => l === 1).length !== 1) bad.push(`headings start ${levels.join(',')}`);
          for (let i = 1; i < levels.length; i++) if (levels[i] > levels[i - 1] + 1) bad.push(`h${levels[i - 1]} then h${levels[i]}`);
          return bad;
        }
        """;

    /// <summary>Visible text whose colour against its nearest opaque background is below the WCAG AA ratio.</summary>
    public const string LowContrast = """
        () => {
          const rgb = s => { const m = s.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/); return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
          const background = e => { for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c && c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
          const bad = [];
          for (const e of document.querySelectorAll('body *')) {
            if (e.closest('svg') || ![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || style.display === 'none' || e.getClientRects().length === 0) continue;
            const fg = rgb(style.color); if (!fg) continue;
            const bg = background(e);
            const [a, b] = [lum(fg), lum(bg)];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
            const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
            if (ratio < needed) bad.push(`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
          }
          return bad;
        }
        """;

    /// <summary>The page does not overflow sideways at <paramref name="width"/>, every input has a label and text meets WCAG AA contrast (issues 14 and 13).</summary>
    public static async Task FitsAsync(IPage page, string what, int width)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the {what} page at {width} px overflows sideways by {overflow} px");
        var unlabelled = await page.EvaluateAsync<string[]>(Unlabelled);
        Assert.True(unlabelled.Length == 0, $"{what}: inputs without a label: {string.Join(", ", unlabelled)}");
        var lowContrast = await page.EvaluateAsync<string[]>(LowContrast);
        Assert.True(lowContrast.Length == 0, $"{what}: text below WCAG AA contrast: {string.Join(" | ", lowContrast.Take(5))}");
    }
}

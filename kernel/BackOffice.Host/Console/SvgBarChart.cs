using System.Globalization;
using System.Text;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// A horizontal bar chart as inline SVG, rendered on the server (issue 9: no script, no CDN). Negative values (a loss,
/// an under-billing) extend left of the zero line in red; each bar is labelled with its value as the report gave it.
/// </summary>
public static class SvgBarChart
{
    public sealed record Bar(string Label, decimal Value, string Text);

    /// <summary>
    /// Issue 17: two drawings of one chart, the wide one (label, bar and value side by side) and a compact one for a
    /// phone (label and value on a line, the bar under them, 340 units wide, drawn at its box's width), so a chart
    /// fits 390 px with 12 px labels instead of scrolling or shrinking them; CSS shows one (the other is display:none,
    /// out of the accessibility tree too).
    /// </summary>
    public static string Render(string title, IReadOnlyList<Bar> bars, decimal? sharedMax = null) =>
        bars.Count == 0 ? "" : $"<div class=\"chart\">{Wide(title, bars, sharedMax)}{Compact(title, bars, sharedMax)}</div>";

    private static string Wide(string title, IReadOnlyList<Bar> bars, decimal? sharedMax)
    {
        // Issue 17: room for a job's number and name ("2026-102 Harbor Point Office TI - Suite 300" was cut at 26 characters).
        const int labelWidth = 300, plotWidth = 420, valueWidth = 110, rowHeight = 26, top = 28;
        // Issue 17: charts side by side share one scale (sharedMax), so their bars compare.
        var max = Math.Max(sharedMax ?? bars.Max(b => Math.Abs(b.Value)), 0.01m);
        var hasNegative = bars.Any(b => b.Value < 0);
        var zero = labelWidth + (hasNegative ? plotWidth / 2 : 0);
        var scale = (hasNegative ? plotWidth / 2 : plotWidth) / max;
        var height = top + (bars.Count * rowHeight) + 8;
        var svg = new StringBuilder($"<svg class=\"chart-wide\" role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {labelWidth + plotWidth + valueWidth} {height}\" width=\"{labelWidth + plotWidth + valueWidth}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        // Issue 17: a <title> as well as aria-label, so every chart has an accessible name however it is read.
        svg.Append($"<title>{E(title)}</title><text x=\"0\" y=\"16\" font-weight=\"600\">{E(title)}</text>");
        svg.Append($"<line x1=\"{zero}\" y1=\"{top - 4}\" x2=\"{zero}\" y2=\"{height - 4}\" stroke=\"#5b6574\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + (i * rowHeight);
            var width = (int)Math.Round(Math.Abs(bar.Value) * scale, MidpointRounding.AwayFromZero);
            var x = bar.Value < 0 ? zero - width : zero;
            svg.Append($"<text x=\"0\" y=\"{y + 15}\">{E(Shorten(bar.Label, 44))}</text>")
                .Append($"<rect x=\"{x}\" y=\"{y + 3}\" width=\"{Math.Max(width, 1)}\" height=\"{rowHeight - 8}\" fill=\"{(bar.Value < 0 ? "#b3261e" : "#1f5fbf")}\"><title>{E(bar.Label)}: {E(bar.Text)}</title></rect>")
                .Append($"<text x=\"{labelWidth + plotWidth + 6}\" y=\"{y + 15}\">{E(bar.Text)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Compact(string title, IReadOnlyList<Bar> bars, decimal? sharedMax)
    {
        const int width = 340, rowHeight = 38, top = 8;
        var max = Math.Max(sharedMax ?? bars.Max(b => Math.Abs(b.Value)), 0.01m);
        var hasNegative = bars.Any(b => b.Value < 0);
        var zero = hasNegative ? width / 2 : 0;
        var scale = (hasNegative ? width / 2 : width) / max;
        var height = top + (bars.Count * rowHeight);
        // The title is the card's text above the drawing (it wraps), not SVG text (which would not).
        var svg = new StringBuilder($"<p class=\"chart-title\">{E(title)}</p><svg class=\"chart-compact\" role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title>{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + (i * rowHeight);
            var length = (int)Math.Round(Math.Abs(bar.Value) * scale, MidpointRounding.AwayFromZero);
            var x = bar.Value < 0 ? zero - length : zero;
            svg.Append($"<text x=\"0\" y=\"{y + 12}\">{E(Shorten(bar.Label, 32))}</text>")
                .Append($"<text x=\"{width}\" y=\"{y + 12}\" text-anchor=\"end\">{E(bar.Text)}</text>")
                .Append($"<rect x=\"{x}\" y=\"{y + 17}\" width=\"{Math.Max(length, 1)}\" height=\"12\" fill=\"{(bar.Value < 0 ? "#b3261e" : "#1f5fbf")}\"><title>{E(bar.Label)}: {E(bar.Text)}</title></rect>");
        }

        if (hasNegative)
        {
            svg.Append($"<line x1=\"{zero}\" y1=\"{top + 14}\" x2=\"{zero}\" y2=\"{height}\" stroke=\"#5b6574\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A cell as a decimal for charting only (never for money arithmetic): invariant text or a JSON number.</summary>
    public static decimal? Number(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s)
            && decimal.TryParse(s.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// A record as a labelled, read-only form (issue 17): a report row or the source record a figure came from, each field
/// titled in words, amounts in dollars (not cents), ids replaced by names, and the internal row hash left out.
/// </summary>
public static partial class RecordForm
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "row_hash", "table", "sync_token" };

    /// <summary>A report row; a "records" field ("ledger_bills:b-1 project_sub_invoices:si-2") becomes links to those records.</summary>
    public static string Render(IReadOnlyList<ListColumn> columns, JsonObject row, string tenant)
    {
        var html = new StringBuilder("<dl class=\"record card\">");
        foreach (var c in columns.Where(c => !Hidden.Contains(c.Name)))
        {
            var value = ListQuery.Cell(row, c.Name);
            var shown = c.Name == "records" ? RecordLinks(tenant, value, c.Display) : DocumentLink(tenant, value, c.Display(value)) ?? E(c.Display(value));
            html.Append($"<div><dt>{E(c.Title)}</dt><dd{(AccountingText.IsRightAligned(c.Kind) ? " class=\"num\"" : "")}>{shown}</dd></div>");
        }

        return html.Append("</dl>").ToString();
    }

    /// <summary>A source record as the store holds it: *_cents as dollars, *_bp as a percentage, *_e4 as hours or quantity.</summary>
    public static string RenderSource(JsonObject record, NameBook names, TimeZoneInfo zone)
    {
        var html = new StringBuilder("<dl class=\"record card\">");
        foreach (var (key, node) in record.Where(p => !Hidden.Contains(p.Key)))
        {
            var raw = node?.ToString() ?? "";
            var (label, value, right) = Field(key, raw, names, zone);
            html.Append($"<div><dt>{E(label)}</dt><dd{(right ? " class=\"num\"" : "")}>{E(value)}</dd></div>");
        }

        return html.Append("</dl>").ToString();
    }

    public static (string Label, string Value, bool Right) Field(string key, string raw, NameBook names, TimeZoneInfo zone)
    {
        var number = long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        return key switch
        {
            _ when key.EndsWith("_cents", StringComparison.Ordinal) && number is { } c =>
                (AccountingText.Title(key[..^6]), MoneyText.Usd(c / 100m), true),
            _ when key.EndsWith("_bp", StringComparison.Ordinal) && number is { } bp =>
                (AccountingText.Title(key[..^3]) + " (%)", (bp / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%", true),
            _ when key.EndsWith("_e4", StringComparison.Ordinal) && number is { } e4 =>
                (AccountingText.Title(key[..^3]), (e4 / 10_000m).ToString("0.####", CultureInfo.InvariantCulture), true),
            _ when key.EndsWith("_id", StringComparison.Ordinal) => (AccountingText.Title(key[..^3]), names.Name(raw), false),
            _ when AccountingText.Flag(key, raw) is { } flag => (key == "active" ? "Status" : AccountingText.Title(key), flag, false),
            _ when key.EndsWith("_date", StringComparison.Ordinal) || key == "period_end" => (AccountingText.Title(key), AccountingText.Date(raw), false),
            _ when AccountingText.IsTimestamp(raw) => (AccountingText.Title(key), AccountingText.Timestamp(raw, zone), false),
            "id" => ("Id", raw, false),
            _ => (AccountingText.Title(key), names.Names(raw), false),
        };
    }

    /// <summary>Issue 17: each record of a "records" field as a link in words ("Bill RP-2291 from Rivera Plumbing").</summary>
    private static string RecordLinks(string tenant, string value, Func<string, string> display) => string.Join(" ", value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r =>
        DocumentLink(tenant, r, display(r)) ?? E(display(r))));

    /// <summary>
    /// Issue 17: a cell that is one record reference ("ledger_bills:bill-5010", a cost detail's document) as a link to that
    /// record's drill-down, in the words given; null for any other text.
    /// </summary>
    public static string? DocumentLink(string tenant, string raw, string text)
    {
        if (!DocumentRef().IsMatch(raw))
        {
            return null;
        }

        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        return $"<a href=\"{Tenant(tenant)}/records/{Uri.EscapeDataString(raw[..colon])}/{Uri.EscapeDataString(raw[(colon + 1)..])}\">{E(text)}</a>";
    }

    /// <summary>A source table of either side and an id, as reports and figures write a record reference.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:ledger|project|map)_[a-z_]+:[^\s:]+$")]
    private static partial System.Text.RegularExpressions.Regex DocumentRef();
}

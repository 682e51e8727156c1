using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Host.Api;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The inbox's rows and cells (issues 9 and 17). Issue 17: each row carries the proposal's amount at stake and how long
/// it has waited, and a routine proposal the person may decide has its own Approve button and a link to reject it, so
/// at phone width, where the stylesheet lays each row out as a card, the title wraps in full and the actions are in view.
/// </summary>
public static class InboxRows
{
    public static readonly string[] ColumnNames = ["id", "state", "risk", "agent", "title", "amount", "whoMustApprove", "undo", "proposedAt"];

    public static JsonObject Row(ProposalRow r, ProposalActions actions, ProposalGate gate) => new()
    {
        ["id"] = r.Id.ToString(CultureInfo.InvariantCulture), ["state"] = r.State, ["risk"] = r.Risk, ["agent"] = r.Agent, ["title"] = r.Title,
        ["amount"] = gate.AmountAtStake(r) is { } amount ? decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : null,
        ["whoMustApprove"] = actions.WhoMustApprove(r), ["undo"] = r.Reversible != 0 ? (r.IrreversibleReason is null ? "can be undone" : "until delivered") : "cannot be undone",
        ["proposedAt"] = r.ProposedAt,
    };

    /// <summary>
    /// The amount is read from each proposal's payload, so no total over every matching proposal can be summed in SQL:
    /// it is shown as currency by <see cref="Cell"/> and kept a plain number (no total row) in the list and its exports.
    /// </summary>
    public static IReadOnlyList<ListColumn> Columns(IReadOnlyList<JsonObject> rows, TimeZoneInfo zone) =>
        ReportColumns.For(ColumnNames, rows, NameBook.Empty, zone)
            .Select(c => c.Name == "amount" ? c with { Title = "Amount", Kind = AccountingText.Kind.Number } : c).ToList();

    public static string? Cell(string tenant, ListColumn column, JsonObject row, HashSet<long> selectable, DateTimeOffset now)
    {
        var id = ListQuery.Cell(row, "id");
        var picked = selectable.Contains(long.Parse(id, CultureInfo.InvariantCulture));
        return column.Name switch
        {
            "id" => picked ? $"<label class=\"pick\"><input type=\"checkbox\" name=\"ids\" value=\"{E(id)}\" aria-label=\"Select proposal {E(id)}\"> {E(id)}</label>" : E(id),
            "state" or "risk" => Badge(ListQuery.Cell(row, column.Name), ListQuery.Cell(row, column.Name)),
            "title" => $"<a href=\"{Tenant(tenant)}/proposals/{E(id)}\">{E(ListQuery.Cell(row, "title"))}</a>{(picked ? RowActions(tenant, id) : "")}",
            "amount" => ListQuery.Number(ListQuery.Cell(row, "amount")) is { } amount ? E(MoneyText.Usd(amount)) : "",
            "undo" when ListQuery.Cell(row, "undo") == "cannot be undone" => "<strong>cannot be undone</strong>",
            "proposedAt" => $"{E(column.Display(ListQuery.Cell(row, "proposedAt")))} <span class=\"age\">({E(Age(ListQuery.Cell(row, "proposedAt"), now))})</span>",
            _ => null,
        };
    }

    /// <summary>How long a proposal has waited, in the largest whole unit: "just now", "25 min", "3 h", "2 days".</summary>
    public static string Age(string proposedAt, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(proposedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return "";
        }

        var waited = now - at;
        return waited.TotalMinutes < 1 ? "just now"
            : waited.TotalHours < 1 ? $"{(int)waited.TotalMinutes} min"
            : waited.TotalDays < 1 ? $"{(int)waited.TotalHours} h"
            : (int)waited.TotalDays == 1 ? "1 day" : $"{(int)waited.TotalDays} days";
    }

    /// <summary>
    /// The row's own Approve posts the inbox's bulk form for this one proposal (so the person stays in the inbox);
    /// rejecting needs a reason, so it opens the proposal, where the reason box is. Hidden on a desktop, where the
    /// check boxes and the bulk buttons do the same.
    /// </summary>
    private static string RowActions(string tenant, string id) =>
        $"<span class=\"row-actions\"><button class=\"primary\" name=\"verb\" value=\"approve\" formaction=\"{Tenant(tenant)}/proposals/bulk?only={E(id)}\" aria-label=\"Approve proposal {E(id)}\">Approve</button>"
        + $"<a href=\"{Tenant(tenant)}/proposals/{E(id)}#decide\">Reject…</a></span>";
}

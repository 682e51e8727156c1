using System.Globalization;
using System.Text;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.Digest;

/// <summary>One approver's digest: the proposals they may approve now, oldest first, and the totals.</summary>
public sealed record DigestMessage(string User, string Subject, string Body, IReadOnlyList<long> ProposalIds, decimal Total);

/// <summary>
/// What waits for one person (issue 17): every proposed proposal the gate would let them approve (their role and
/// department, never their own, and within their amount limit: <see cref="GatePolicy.CanApprove"/> on
/// <see cref="ProposalGate.FactsFor"/>, the judgement the gate itself makes), oldest first, with its amount as the gate
/// reads it and the totals. Nothing waiting: no message.
/// </summary>
public static class ApproverDigest
{
    /// <param name="refs">Issue 17: the records named in the titles, so the email says what the console says.</param>
    public static DigestMessage? Compose(
        string tenant, Actor actor, IEnumerable<ProposalRow> proposals, ProposalGate gate, TimeZoneInfo zone, string consoleUrl, ApprovalConsole.RecordRefs refs)
    {
        var waiting = proposals
            .Where(p => p.State == ProposalStates.Proposed && GatePolicy.CanApprove(actor, gate.FactsFor(p)).Allowed)
            .OrderBy(p => p.ProposedAt, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => (Row: p, Amount: gate.AmountAtStake(p)))
            .ToList();
        if (waiting.Count == 0)
        {
            return null;
        }

        var total = waiting.Sum(w => w.Amount ?? 0m);
        var body = new StringBuilder($"Good morning {actor.Name},\n\n{Count(waiting.Count)} in {tenant} wait for your decision, oldest first:\n\n");
        foreach (var (row, amount) in waiting)
        {
            body.Append(CultureInfo.InvariantCulture, $"- #{row.Id} {refs.Text(row.Title)}\n  {row.Agent}, {row.Risk}, {(amount is { } a ? MoneyText.Usd(a) : "no amount")}, waiting since {Since(row.ProposedAt, zone)}");
            body.Append(consoleUrl.Length == 0 ? "\n" : $"\n  {consoleUrl.TrimEnd('/')}/t/{Uri.EscapeDataString(tenant)}/proposals/{row.Id}\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\nTotal: {Count(waiting.Count)}, {MoneyText.Usd(total)}");
        foreach (var risk in waiting.GroupBy(w => w.Row.Risk).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            body.Append(CultureInfo.InvariantCulture, $"; {risk.Key} {risk.Count()} ({MoneyText.Usd(risk.Sum(w => w.Amount ?? 0m))})");
        }

        body.Append(".\n\nOnly proposals you may approve are listed: your role, your department and your amount limit.\n");
        return new DigestMessage(actor.Name, $"Waiting for you in {tenant}: {Count(waiting.Count)}, {MoneyText.Usd(total)}", body.ToString(),
            [.. waiting.Select(w => w.Row.Id)], total);
    }

    private static string Count(int n) => n == 1 ? "1 proposal" : $"{n} proposals";

    private static string Since(string proposedAt, TimeZoneInfo zone) =>
        DateTimeOffset.TryParse(proposedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("MMM d, yyyy", CultureInfo.InvariantCulture)
            : proposedAt;
}

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
        // Issue 17: in the console's words: the records a title names (not their ids), amounts as currency, the day in the
        // tenant's zone, the agent and risk as phrases rather than a row's columns, and where to decide.
        var console = consoleUrl.Length == 0 ? "" : $"{consoleUrl.TrimEnd('/')}/t/{Uri.EscapeDataString(tenant)}";
        var body = new StringBuilder($"Good morning {actor.Name},\n\n{Count(waiting.Count)} in {tenant} {(waiting.Count == 1 ? "waits" : "wait")} for your decision, oldest first:\n\n");
        foreach (var (row, amount) in waiting)
        {
            body.Append(CultureInfo.InvariantCulture, $"- Proposal {row.Id}: {refs.Text(row.Title)}\n  From the {row.Agent} agent, {row.Risk} risk, ")
                .Append(amount is { } a ? $"{MoneyText.Usd(a)} at stake" : "no amount at stake").Append($", waiting since {Since(row.ProposedAt, zone)}")
                .Append(console.Length == 0 ? "\n" : $"\n  {console}/proposals/{row.Id}\n");
        }

        var risks = waiting.GroupBy(w => w.Row.Risk).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} risk: {Count(g.Count())}, {MoneyText.Usd(g.Sum(w => w.Amount ?? 0m))}");
        body.Append(CultureInfo.InvariantCulture, $"\nTotal: {Count(waiting.Count)}, {MoneyText.Usd(total)} ({string.Join("; ", risks)}).\n");
        body.Append(console.Length == 0 ? "" : $"Decide in the inbox: {console}/inbox\n");
        body.Append("\nOnly proposals you may approve are listed: your role, your department and your amount limit.\n");
        return new DigestMessage(actor.Name, $"Waiting for you in {tenant}: {Count(waiting.Count)}, {MoneyText.Usd(total)}", body.ToString(),
            [.. waiting.Select(w => w.Row.Id)], total);
    }

    private static string Count(int n) => n == 1 ? "1 proposal" : $"{n} proposals";

    private static string Since(string proposedAt, TimeZoneInfo zone) =>
        DateTimeOffset.TryParse(proposedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("MMM d, yyyy", CultureInfo.InvariantCulture)
            : proposedAt;
}

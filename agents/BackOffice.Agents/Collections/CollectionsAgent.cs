using BackOffice.Agents.Books;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// Collections (issue 5): ages receivables by due date, reconciles before it chases (paid-but-unapplied, disputed
/// and promised invoices come off the list, each with its reason), ranks what is left worst first, and proposes the
/// follow-up each invoice has reached, plus retainage release requests for substantially complete jobs.
/// </summary>
public sealed class CollectionsAgent(CollectionsOptions options, OutboxOptions outbox) : IAgent
{
    public string Name => "collections";

    public string Department => "collections";

    /// <summary>Issue 18: its loads read CollectionsData and the allowance read receivables, payments and journal balances: no bill lines, no timecards (only Financial's loads read ledger_bill_lines).</summary>
    public IReadOnlySet<string> TablesNotRead { get; } = AgentTables.Of("ledger_bill_lines", "workforce_timecards");

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        // Issue 13: books that stopped syncing (QuickBooks refused the refresh token) fail closed with one finding for the admin.
        if (await LedgerConnectionCheck.RunAsync(context.Data, Name, cancellationToken) is { } reconnect)
        {
            return reconnect.ToSweepResult();
        }

        // Issue 18: at a later date than its stored aging snapshot, with nothing it reads changed since, only the invoices
        // not settled then are read; every figure is computed from them as from the whole books.
        // Journaled invoice and payment changes since the snapshot add the invoices of the customers they touch.
        var changed = await AgingSnapshot.UsableAsync(this, context, cancellationToken);
        var fromSnapshot = changed is not null;
        var data = changed is not null
            ? await CollectionsData.LoadSnapshotAsync(context.Data, context.Memory, changed, cancellationToken)
            : await CollectionsData.LoadAsync(context.Data, context.Memory, cancellationToken);
        var worklist = CollectionsWorklist.Compute(data, context.AsOf, options.Buckets);
        context.Progress.Report($"collections: {worklist.Open.Count} open invoices, {worklist.Queue.Count} to chase, {worklist.Chase.Removed.Count} taken off the list" +
            (changed is not null ? $" (aged from the snapshot: {data.Invoices.Count} invoices read{ChangedText(changed)}, not the whole books)" : ""));
        var templates = new Templates(options.Templates);
        // Issue 12: each check returns what it found; the sweep concatenates them in this order.
        return CheckResult.Combine(
            NotChased(data, worklist),
            new DunningProposals(data, options, outbox.DeliveryDelay, templates).Run(worklist),
            new RetainageRelease(data, outbox.DeliveryDelay, templates).Run(context.AsOf),
            // Issue 16: the allowance for doubtful accounts and its adjusting entry.
            await AllowanceCheck.RunAsync(context.Data, worklist, options, context.AsOf, cancellationToken)).ToSweepResult()
            with
            {
                FromSnapshot = fromSnapshot, SaveState = AgingSnapshot.Saver(context, data),
                PerKey = changed is { Count: > 0 }, PerKeyChecks = changed is { Count: > 0 } ? ["aging-snapshot"] : [],
            };
    }

    private static string ChangedText(IReadOnlyList<string> changed) =>
        changed.Count == 0 ? "" : $", with every invoice of {changed.Count} customers whose receivables changed";

    /// <summary>Invoices taken off the chase list, each with its reason (reconcile before chasing).</summary>
    private static CheckResult NotChased(CollectionsData data, CollectionsWorklist worklist)
    {
        var findings = new List<Finding>();
        foreach (var removed in worklist.Chase.Removed)
        {
            var invoice = removed.Item.Invoice;
            findings.Add(new Finding($"collections:not-chased:{invoice.Id}", "collections", "not-chased:" + removed.Code, Severity.Info,
                $"Invoice {invoice.DocNumber ?? invoice.Id} ({data.NameOf(invoice.CustomerId)}) is not chased: {removed.Code}",
                [Figure.Usd("open", removed.Item.Open, "AgingTools.OpenItems", new SourceRef("ledger", "ledger_invoices", invoice.Id)),
                 Figure.Count("days_past_due", removed.Item.DaysPastDue, "AgingTools.DaysPastDue", new SourceRef("ledger", "ledger_invoices", invoice.Id))],
                $"Invoice {invoice.DocNumber ?? invoice.Id}, {MoneyText.Usd(removed.Item.Open)} open, is taken off the chase list: {removed.Reason}."));
        }

        return CheckResult.Of(findings);
    }
}

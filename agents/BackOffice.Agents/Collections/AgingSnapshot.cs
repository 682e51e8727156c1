using BackOffice.Domain.Collections;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Store.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// Issue 18: Collections' aging at a new as-of date without re-reading the whole invoice and payment books. A sweep
/// stores, with its findings, the invoices not settled as of its date (open, dated later, or with a payment dated
/// later) and what the settled ones still add per customer (net retainage, payments' days late). While nothing
/// Collections reads has changed since (the journal, the inputs stamp and the build), a settled invoice stays settled at
/// every later date, so a sweep at a later date reads only the snapshot's invoices, their payment lines and payments,
/// and the payments with money unapplied, and computes every figure (days past due, buckets, promises, the queue) as
/// the full path does. Any change it reads, an earlier date or `sweep --full` reads the books and takes a new snapshot.
/// </summary>
internal static class AgingSnapshot
{
    /// <summary>Whether the stored snapshot stands for the books this sweep would read, at an earlier date than this sweep's.</summary>
    public static async Task<bool> UsableAsync(IAgent agent, SweepContext context, CancellationToken cancellationToken)
    {
        if (!context.Incremental || context.Mark is not { } now
            || await context.Data.AgingSnapshot.MarkAsync(cancellationToken) is not { } taken
            || taken.AsOf >= context.AsOf || taken.InputsStamp != now.InputsStamp || taken.JournalSeq > now.JournalSeq)
        {
            return false;
        }

        if (taken.JournalSeq == now.JournalSeq)
        {
            return true;
        }

        // Writes to tables or columns Collections never reads (bill lines, timecards) leave the snapshot as true as before.
        var writes = await context.Data.Changes.WritesBetweenAsync(taken.JournalSeq, now.JournalSeq, cancellationToken);
        return !writes.Any(w => AgentTables.Reads(agent, w.Table, w.Columns));
    }

    /// <summary>Stores the snapshot of <paramref name="data"/> as of the sweep's date under the sweep's mark; null without a mark.</summary>
    public static Func<BackOffice.Store.Tenancy.DataUnit, CancellationToken, Task>? Saver(SweepContext context, CollectionsData data)
    {
        if (context.Mark is not { } mark)
        {
            return null;
        }

        return (unit, cancellationToken) =>
        {
            var (open, settled) = Take(data, context.AsOf);
            return context.Data.AgingSnapshot.SaveAsync(unit, new AgingSnapshotMark(mark.JournalSeq, mark.AsOf, mark.InputsStamp), open, settled, cancellationToken);
        };
    }

    /// <summary>
    /// Splits the invoices <paramref name="data"/> holds as of <paramref name="asOf"/>: settled (dated on or before it, every
    /// payment applied to it known and dated on or before it, nothing left open) or not. The settled ones are folded into
    /// the per-customer figures the data already carries (from an earlier snapshot), as the tools would count them.
    /// </summary>
    public static (IReadOnlyList<string> Open, IReadOnlyList<SettledCustomer> Settled) Take(CollectionsData data, DateOnly asOf)
    {
        var paidOn = data.Payments.ToDictionary(p => p.Id, p => p.TxnDate, StringComparer.Ordinal);
        var lines = data.PaymentLines.Where(l => paidOn.ContainsKey(l.PaymentId)).ToLookup(l => l.InvoiceId, StringComparer.Ordinal);
        var settled = (data.Settled ?? []).ToDictionary(s => s.CustomerId, StringComparer.Ordinal);
        var open = new List<string>();
        foreach (var invoice in data.Invoices)
        {
            var paid = lines[invoice.Id].ToList();
            if (invoice.TxnDate > asOf || paid.Any(l => paidOn[l.PaymentId] > asOf) || invoice.Total - paid.Sum(l => l.Amount) > 0m)
            {
                open.Add(invoice.Id);
                continue;
            }

            var before = settled.GetValueOrDefault(invoice.CustomerId) ?? new SettledCustomer(invoice.CustomerId, 0m, 0, 0);
            // As QueueScoring.AverageDaysLate counts a payment line: days after the due date, 0 when on time or early.
            var late = paid.Sum(l => Math.Max(0, paidOn[l.PaymentId].DayNumber - invoice.DueDate.DayNumber));
            settled[invoice.CustomerId] = before with
            {
                RetainageHeld = before.RetainageHeld + invoice.Retainage - invoice.RetainageReleased,
                DaysLate = before.DaysLate + late,
                Payments = before.Payments + paid.Count,
            };
        }

        return (open, settled.Values.OrderBy(s => s.CustomerId, StringComparer.Ordinal).ToList());
    }
}

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
/// the full path does. Journaled changes to invoices and payments (issue 18) add the invoices of the customers they touch,
/// whose settled figures are dropped and folded again; a raw file, other inputs, an earlier date or `sweep --full` read
/// the books and take a new snapshot.
/// </summary>
internal static class AgingSnapshot
{
    /// <summary>The receivable tables the snapshot is taken from; every other input of Collections is read in full each sweep.</summary>
    private static readonly HashSet<string> Receivables = new(StringComparer.Ordinal)
    {
        "ledger_invoices", "ledger_invoice_lines", "ledger_payments", "ledger_payment_lines",
    };

    /// <summary>
    /// The stored snapshot, when it stands for the books this sweep would read at a date not earlier than its own: null
    /// when it does not, else the customers whose invoices must be read again with it (none when no receivable changed).
    /// </summary>
    public static async Task<IReadOnlyList<string>?> UsableAsync(IAgent agent, SweepContext context, CancellationToken cancellationToken)
    {
        if (!context.Incremental || context.Mark is not { } now
            || await context.Data.AgingSnapshot.MarkAsync(cancellationToken) is not { } taken
            || taken.AsOf > context.AsOf || taken.InputsStamp != now.InputsStamp || taken.JournalSeq > now.JournalSeq)
        {
            return null;
        }

        if (taken.JournalSeq == now.JournalSeq)
        {
            return taken.AsOf < context.AsOf ? [] : null;
        }

        // Writes to tables or columns Collections never reads (bill lines, timecards) leave the snapshot as true as before;
        // so do writes to what it reads in full on every sweep (masters, credits, contacts, jobs). A write of unknown
        // table (a raw file) reads the books again.
        var writes = (await context.Data.Changes.WritesBetweenAsync(taken.JournalSeq, now.JournalSeq, cancellationToken))
            .Where(w => AgentTables.Reads(agent, w.Table, w.Columns)).ToList();
        if (writes.Any(w => w.Table is null))
        {
            return null;
        }

        // Issue 18: journaled receivable changes on the same sweep as a date advance re-read only the customers whose
        // invoices they touch (an invoice, its lines, a payment's lines before and after); the rest of the snapshot stands.
        return writes.Any(w => Receivables.Contains(w.Table!))
            ? await context.Data.AgingSnapshot.ChangedCustomersAsync(taken.JournalSeq, now.JournalSeq, cancellationToken)
            : taken.AsOf < context.AsOf ? [] : null;
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

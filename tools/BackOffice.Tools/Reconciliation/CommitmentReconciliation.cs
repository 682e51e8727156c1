using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Reconciliation;

/// <summary>Commitments and their change orders vs purchase orders and bills; sub invoices vs their bills (issue 3).</summary>
internal static class CommitmentReconciliation
{
    private static readonly HashSet<string> Binding = new(StringComparer.Ordinal) { "approved", "complete" };

    public static IEnumerable<WorklistItem> Check(ReconciliationInput input, Tolerance tolerance)
    {
        var lines = input.CommitmentLines.ToLookup(l => l.CommitmentId);
        var changes = input.ChangeOrders.Where(c => c.Kind == "commitment" && c.CommitmentId is not null).ToLookup(c => c.CommitmentId!);
        var billedJobs = input.Bills.Where(b => b.TxnDate <= input.AsOf)
            .SelectMany(b => b.Lines.Select(l => (b.VendorId, l.CustomerId))).ToHashSet();
        var orders = input.PurchaseOrders.ToLookup(o => o.VendorId);
        foreach (var commitment in input.Commitments.Where(c => Binding.Contains(c.Status)))
        {
            if (!input.VendorMap.TryGetValue(commitment.VendorId, out var vendor) || !input.JobMap.TryGetValue(commitment.JobId, out var customer))
            {
                continue;
            }

            var original = lines[commitment.Id].Sum(l => l.Amount);
            var approved = changes[commitment.Id].Where(c => c.Status == "approved" && c.ApprovedDate <= input.AsOf).ToList();
            var pending = changes[commitment.Id].Where(c => c.Status == "pending").ToList();
            var project = original + approved.Sum(c => c.Amount);
            if (project == 0m && pending.Count == 0)
            {
                // A commitment with no lines and no changes has nothing to reconcile yet.
                continue;
            }

            var records = new List<RecordRef> { new("project", "project_commitments", commitment.Id) };
            records.AddRange(approved.Select(c => new RecordRef("project", "project_change_orders", c.Id)));
            var po = FindPurchaseOrder(orders[vendor].ToList(), commitment, vendor, customer);
            if (po is null)
            {
                if (!billedJobs.Contains((vendor, customer)))
                {
                    yield return new WorklistItem(WorklistCategory.CommitmentNotInLedger, commitment.Id, commitment.JobId, project, null,
                        $"{commitment.Kind} {commitment.Number} is {commitment.Status} but the ledger has no purchase order or bill for it", records);
                }

                continue;
            }

            records.Add(new RecordRef("ledger", "ledger_purchase_orders", po.Id));
            if (tolerance.Within(project, po.Total))
            {
                continue;
            }

            yield return Classify(commitment, po, original, project, approved, pending, tolerance, records);
        }
    }

    private static WorklistItem Classify(
        Commitment commitment, LedgerPurchaseOrder po, decimal original, decimal project, List<ChangeOrder> approved, List<ChangeOrder> pending,
        Tolerance tolerance, List<RecordRef> records)
    {
        if (approved.Count > 0 && tolerance.Within(original, po.Total))
        {
            return new WorklistItem(WorklistCategory.ChangeOrderMissingInLedger, commitment.Id, commitment.JobId, project, po.Total,
                $"change order(s) {string.Join(", ", approved.Select(c => c.Number))} approved on {commitment.Number} are not on purchase order {po.DocNumber}", records);
        }

        if (pending.Count > 0 && tolerance.Within(project + pending.Sum(c => c.Amount), po.Total))
        {
            records.AddRange(pending.Select(c => new RecordRef("project", "project_change_orders", c.Id)));
            return new WorklistItem(WorklistCategory.ChangeOrderLedgerOnly, commitment.Id, commitment.JobId, project, po.Total,
                $"purchase order {po.DocNumber} includes change order(s) {string.Join(", ", pending.Select(c => c.Number))} still pending in the project system", records);
        }

        return new WorklistItem(WorklistCategory.CommitmentAmountDiffers, commitment.Id, commitment.JobId, project, po.Total,
            $"{commitment.Number} with approved changes differs from purchase order {po.DocNumber}", records);
    }

    /// <summary>The PO with the commitment's number; failing that, the only PO of that vendor on that job.</summary>
    private static LedgerPurchaseOrder? FindPurchaseOrder(IReadOnlyList<LedgerPurchaseOrder> orders, Commitment commitment, string vendor, string customer)
    {
        var candidates = orders.Where(o => o.VendorId == vendor && (o.CustomerId is null || o.CustomerId == customer)).ToList();
        var number = NameNormalizer.DocumentNumber(commitment.Number);
        return candidates.FirstOrDefault(o => NameNormalizer.DocumentNumber(o.DocNumber) == number)
            ?? (candidates.Count(o => o.CustomerId == customer) == 1 ? candidates.Single(o => o.CustomerId == customer) : null);
    }

    public static IEnumerable<WorklistItem> CheckSubInvoiceBills(ReconciliationInput input, Tolerance tolerance)
    {
        var commitments = input.Commitments.ToDictionary(c => c.Id);
        var billsByVendor = input.Bills.ToLookup(b => b.VendorId);
        foreach (var invoice in input.SubInvoices.Where(i => i.Status == "approved" && i.InvoiceDate <= input.AsOf))
        {
            var commitment = commitments[invoice.CommitmentId];
            if (!input.VendorMap.TryGetValue(commitment.VendorId, out var vendor) || SubInvoiceBillTools.FindBill(invoice, vendor, billsByVendor[vendor].ToList()) is not { } bill)
            {
                continue;
            }

            var records = new List<RecordRef> { new("project", "project_sub_invoices", invoice.Id), new("ledger", "ledger_bills", bill.Id) };
            var net = invoice.Amount - invoice.Retainage;
            if (!tolerance.Within(net, bill.Total))
            {
                yield return new WorklistItem(WorklistCategory.SubInvoiceBillDiffers, invoice.Id, commitment.JobId, net, bill.Total,
                    $"sub invoice {invoice.Number} nets {net:0.00} after retainage; bill {bill.DocNumber} is {bill.Total:0.00}", records);
            }

            var billRetainage = RetainageOnBill(bill, input.RetainagePayableAccountId);
            if (!tolerance.Within(invoice.Retainage, billRetainage))
            {
                yield return new WorklistItem(WorklistCategory.SubInvoiceRetainageDiffers, invoice.Id, commitment.JobId, invoice.Retainage, billRetainage,
                    $"sub invoice {invoice.Number} holds {invoice.Retainage:0.00} retainage; bill {bill.DocNumber} moves {billRetainage:0.00} to Retainage Payable", records);
            }
        }
    }

    /// <summary>Retainage a bill holds back (issue 16: one definition, in <see cref="SubInvoiceBillTools.RetainageOnBill"/>).</summary>
    public static decimal RetainageOnBill(LedgerBill bill, string? retainageAccountId) => SubInvoiceBillTools.RetainageOnBill(bill, retainageAccountId);
}

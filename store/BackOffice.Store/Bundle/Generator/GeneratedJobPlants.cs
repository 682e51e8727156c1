namespace BackOffice.Store.Bundle.Generator;

/// <summary>
/// The planted discrepancies that add rows to a job (issue 3), each recorded in the plan under the key the worklist
/// reports. Amounts follow the cases the worklist tests describe (tests/BackOffice.Tests/Financial/ReconciliationToolsTests.cs).
/// </summary>
internal sealed class GeneratedJobPlants(BundleCsvSink sink, DriftPlan plan)
{
    private const string FirstCode = "01-000";

    public void Write(int j, string job, string customer, string firstCommitmentLedgerVendor)
    {
        var first = $"c-{j}-0";
        if (plan.Is(j, DriftPlan.ChangeOrderMissingInLedger))
        {
            ChangeOrder(j, job, first, "approved", 200_000, new DateOnly(2026, 10, 1));
            plan.Record(DriftPlan.ChangeOrderMissingInLedger, first, job);
        }

        if (plan.Is(j, DriftPlan.ChangeOrderLedgerOnly))
        {
            // The ledger PO already carries the $3,000 (GeneratedJob adds it); the project side still has it pending.
            ChangeOrder(j, job, first, "pending", 300_000, null);
            plan.Record(DriftPlan.ChangeOrderLedgerOnly, first, job);
        }

        if (plan.Is(j, DriftPlan.CommitmentNotInLedger))
        {
            var id = $"c-{j}-9";
            sink.Add("project/commitments.csv", ("id", id), ("job_id", job), ("vendor_id", "pv-granite"), ("number", $"SC-{j}-9"),
                ("kind", "subcontract"), ("status", "approved"), ("retainage_bp", 1000L));
            sink.Add("project/commitment-lines.csv", ("id", $"{id}-1"), ("commitment_id", id), ("cost_code", FirstCode), ("amount_cents", 900_000L));
            plan.Record(DriftPlan.CommitmentNotInLedger, id, job);
        }

        if (plan.Is(j, DriftPlan.SubInvoiceBillDiffers))
        {
            // $10,000 less $1,000 retainage entered as $9,500: the gross line was keyed as $10,500.
            SubInvoiceWithBill(j, first, customer, firstCommitmentLedgerVendor, 1_050_000, -100_000);
            plan.Record(DriftPlan.SubInvoiceBillDiffers, $"si-{j}", job);
        }

        if (plan.Is(j, DriftPlan.SubInvoiceRetainageDiffers))
        {
            // Same net $9,000, but the ledger withholds $500 instead of $1,000.
            SubInvoiceWithBill(j, first, customer, firstCommitmentLedgerVendor, 950_000, -50_000);
            plan.Record(DriftPlan.SubInvoiceRetainageDiffers, $"si-{j}", job);
        }

        if (plan.MiscodedJob == j)
        {
            MiscodedJournal(j, customer, job);
        }
    }

    /// <summary>The pay app's invoice (or its planted absence or difference) and a partial payment applied to it.</summary>
    public void Invoice(int j, string customer, long due, long retainage, int paidPercent)
    {
        var job = $"job-{j}";
        if (plan.Is(j, DriftPlan.PayAppNotInvoiced))
        {
            plan.Record(DriftPlan.PayAppNotInvoiced, $"pa-{j}", job);
            return;
        }

        var total = due;
        if (plan.Is(j, DriftPlan.PayAppAmountDiffers))
        {
            total -= 1_000_000;
            plan.Record(DriftPlan.PayAppAmountDiffers, $"pa-{j}", job);
        }

        var invoiceRetainage = retainage;
        if (plan.Is(j, DriftPlan.RetainageDiffers))
        {
            invoiceRetainage -= 1_000_000;
            plan.Record(DriftPlan.RetainageDiffers, job, job);
        }

        sink.Add("ledger/invoices.csv", ("id", $"inv-{j}"), ("customer_id", customer), ("doc_number", $"{1000 + j}"),
            ("txn_date", new DateOnly(2026, 11, 2)), ("due_date", new DateOnly(2026, 12, 2)), ("total_cents", total), ("retainage_cents", invoiceRetainage));
        var paid = total * paidPercent / 100;
        sink.Add("ledger/payments.csv", ("id", $"pmt-{j}"), ("customer_id", customer), ("txn_date", new DateOnly(2026, 11, 12)),
            ("total_cents", paid), ("unapplied_cents", 0L), ("reference", $"ACH {7000 + j}"));
        sink.Add("ledger/payment-lines.csv", ("id", $"pmt-{j}-1"), ("payment_id", $"pmt-{j}"), ("invoice_id", $"inv-{j}"), ("amount_cents", paid));
        if (plan.Is(j, DriftPlan.PaymentUnapplied))
        {
            sink.Add("ledger/payments.csv", ("id", $"pmt-u-{j}"), ("customer_id", customer), ("txn_date", new DateOnly(2026, 11, 1)),
                ("total_cents", 123_400L), ("unapplied_cents", 123_400L), ("reference", $"Check {9000 + j}"));
            plan.Record(DriftPlan.PaymentUnapplied, $"pmt-u-{j}", job);
        }
    }

    private void ChangeOrder(int j, string job, string commitment, string status, long amount, DateOnly? approved) =>
        sink.Add("project/change-orders.csv", ("id", $"cco-{j}"), ("job_id", job), ("kind", "commitment"), ("commitment_id", commitment),
            ("number", $"CCO-{j}"), ("title", "Added scope"), ("status", status), ("amount_cents", amount), ("cost_code", FirstCode),
            ("approved_date", approved));

    /// <summary>An approved $10,000 sub invoice with $1,000 retainage and its bill, built by the DATA-FORMAT.md convention with the given ledger lines.</summary>
    private void SubInvoiceWithBill(int j, string commitment, string customer, string vendor, long grossLine, long retainageLine)
    {
        var id = $"si-{j}";
        sink.Add("project/sub-invoices.csv", ("id", id), ("commitment_id", commitment), ("number", $"SI-{j}"), ("invoice_date", new DateOnly(2026, 10, 10)),
            ("amount_cents", 1_000_000L), ("retainage_cents", 100_000L), ("status", "approved"));
        sink.Add("project/sub-invoice-lines.csv", ("id", $"{id}-1"), ("sub_invoice_id", id), ("cost_code", FirstCode), ("amount_cents", 1_000_000L));
        sink.Add("ledger/bills.csv", ("id", $"bill-{id}"), ("vendor_id", vendor), ("doc_number", $"SI-{j}"), ("txn_date", new DateOnly(2026, 10, 11)),
            ("total_cents", grossLine + retainageLine));
        sink.Add("ledger/bill-lines.csv", ("id", $"bill-{id}-1"), ("bill_id", $"bill-{id}"), ("line_no", 1L), ("account_id", "acct-5100"),
            ("customer_id", customer), ("item", FirstCode), ("amount_cents", grossLine));
        sink.Add("ledger/bill-lines.csv", ("id", $"bill-{id}-2"), ("bill_id", $"bill-{id}"), ("line_no", 2L), ("account_id", "acct-2150"),
            ("customer_id", customer), ("amount_cents", retainageLine));
    }

    /// <summary>$685 of plumbing (22-000, mapped to Subcontractors) posted to Equipment Rental by journal entry.</summary>
    private void MiscodedJournal(int j, string customer, string job)
    {
        var id = $"je-m-{j}";
        sink.Add("ledger/journal-entries.csv", ("id", id), ("txn_date", new DateOnly(2026, 11, 5)), ("doc_number", $"JE-{j}"), ("memo", "Dumpster"));
        sink.Add("ledger/journal-lines.csv", ("id", $"{id}-1"), ("journal_entry_id", id), ("line_no", 1L), ("account_id", "acct-5300"),
            ("posting_type", "Debit"), ("amount_cents", 68_500L), ("customer_id", customer), ("item", "22-000"));
        sink.Add("ledger/journal-lines.csv", ("id", $"{id}-2"), ("journal_entry_id", id), ("line_no", 2L), ("account_id", "acct-2100"),
            ("posting_type", "Credit"), ("amount_cents", 68_500L));
        plan.Record(DriftPlan.CostCodeAccountMismatch, $"{id}-1", job);
    }
}

using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// The INSERTs for what settles or offsets bills and invoices (issue 13): BillPayment, CreditMemo and VendorCredit.
/// Shapes from Intuit's API reference samples (billpayment, creditmemo, vendorcredit; qbo.md section 5) and
/// python-quickbooks objects/billpayment.py, creditmemo.py and vendorcredit.py.
/// </summary>
internal static class QuickBooksCreditRowSql
{
    private const string Provenance = "'quickbooks', @SyncToken, @Updated, @RowHash";

    public static bool Handles(string entity) => entity is "BillPayment" or "CreditMemo" or "VendorCredit";

    public static IEnumerable<(string Sql, object Row)> Rows(QuickBooksJson q) => q.Entity switch
    {
        "BillPayment" => BillPayment(q),
        // RemainingCredit is what is left to apply (a credit applied in a Payment is already a payment line on its
        // invoice); an older answer without it falls back to Balance, then to the whole credit.
        "CreditMemo" => [($"INSERT INTO ledger_credit_memos (id, customer_id, doc_number, txn_date, total_cents, remaining_cents, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Customer, @Doc, @Date, @Total, @Remaining, {Provenance})",
            new { q.Id, Customer = q.Ref("CustomerRef"), Doc = q.Optional("DocNumber"), Date = q.Text("TxnDate"), Total = q.Cents("TotalAmt"),
                Remaining = q.OptionalCents("RemainingCredit") ?? q.OptionalCents("Balance") ?? q.Cents("TotalAmt"), q.SyncToken, q.Updated, q.RowHash })],
        // A vendor credit applied in a BillPayment is already that payment's bill line; Balance is what is left of it.
        "VendorCredit" => [($"INSERT INTO ledger_vendor_credits (id, vendor_id, doc_number, txn_date, total_cents, remaining_cents, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Vendor, @Doc, @Date, @Total, @Remaining, {Provenance})",
            new { q.Id, Vendor = q.Ref("VendorRef"), Doc = q.Optional("DocNumber"), Date = q.Text("TxnDate"), Total = q.Cents("TotalAmt"),
                Remaining = q.OptionalCents("Balance") ?? q.Cents("TotalAmt"), q.SyncToken, q.Updated, q.RowHash })],
        _ => throw new QuickBooksResponseException($"QuickBooks entity type '{q.Entity}' is not one the back office reads."),
    };

    /// <summary>
    /// A bill payment and, per line, the bill it pays: a line carries no DetailType, only Amount and LinkedTxn; links to
    /// a VendorCredit on the same payment are the credit's side of the application and pay no bill of their own.
    /// PayType is Check (CheckPayment) or CreditCard (CreditCardPayment).
    /// </summary>
    private static IEnumerable<(string, object)> BillPayment(QuickBooksJson q)
    {
        var payType = q.Text("PayType");
        if (payType is not ("Check" or "CreditCard"))
        {
            throw q.Bad("PayType", $"'{payType}', not Check or CreditCard");
        }

        yield return ($"INSERT INTO ledger_bill_payments (id, vendor_id, txn_date, doc_number, total_cents, pay_type, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Vendor, @Date, @Doc, @Total, @PayType, {Provenance})",
            new { q.Id, Vendor = q.Ref("VendorRef"), Date = q.Text("TxnDate"), Doc = q.Optional("DocNumber"), Total = q.Cents("TotalAmt"), PayType = payType, q.SyncToken, q.Updated, q.RowHash });
        var n = 0;
        foreach (var line in q.Lines)
        {
            foreach (var bill in (line["LinkedTxn"] as JsonArray ?? []).Where(l => l?["TxnType"]?.ToString() == "Bill"))
            {
                n++;
                yield return ("INSERT INTO ledger_bill_payment_lines (id, bill_payment_id, bill_id, amount_cents, row_hash) VALUES (@LineId, @Id, @Bill, @Amount, @RowHash)",
                    new { LineId = $"{q.Id}-{n}", q.Id, Bill = bill!["TxnId"]?.ToString() ?? throw q.Bad("Line.LinkedTxn.TxnId", "missing"),
                        Amount = q.CentsOf(line, "Amount") ?? throw q.Bad("Line.Amount", "missing"), q.RowHash });
            }
        }
    }
}

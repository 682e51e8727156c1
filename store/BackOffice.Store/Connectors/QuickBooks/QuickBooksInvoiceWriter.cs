using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Owner invoices into QuickBooks Online (issue 13, the <c>ledger.create-invoice</c> proposal of issue 16): an Invoice
/// with CustomerRef and SalesItemLineDetail lines (ItemRef, Qty, UnitPrice; Intuit's Invoice reference, qbo.md
/// section 5): the work billed under the configured invoice item, and the retainage withheld as a negative line and
/// any retainage released as a positive one under the retainage item (issue 16: so the sync reads them back as
/// retainage, <see cref="QuickBooksRowSql"/>), both checked against the synced items before anything is sent. <c>requestid</c> = the proposal's
/// idempotency key, and because Intuit publishes no retention for requestid, a create first looks for an invoice of
/// the same customer and date whose memo (PrivateNote) carries that key. Undo reads the invoice back and refuses when
/// a payment is linked to it or its SyncToken moved since we wrote it, naming the fields we wrote that differ now.
/// </summary>
public sealed class QuickBooksInvoiceWriter(QuickBooksApi api, QuickBooksLists lists) : IInvoiceWriter
{
    public async Task<LedgerWriteResult> CreateInvoiceAsync(TenantData tenant, InvoiceDraft invoice, string requestId, CancellationToken cancellationToken)
    {
        var marker = QuickBooksLedgerWriter.Marker(requestId);
        var item = await lists.ItemAsync(tenant, "InvoiceItem", cancellationToken);
        // Issue 16: the release line goes on the retainage item too, so it reads back as a release, not as work.
        var retainageItem = invoice.Retainage == 0m && !invoice.Lines.Any(l => l.IsRelease) ? null : await lists.ItemAsync(tenant, "RetainageItem", cancellationToken);
        var jobClass = (await lists.ClassesAsync(tenant, cancellationToken)).ClassFor(invoice.CustomerId, "");
        var sameDay = await api.QueryAsync(tenant,
            $"SELECT * FROM Invoice WHERE CustomerRef = '{QuickBooksLedgerWriter.Quote(invoice.CustomerId)}' AND TxnDate = '{QuickBooksRowSql.Iso(invoice.TxnDate)}'", cancellationToken);
        var created = (sameDay["Invoice"] as JsonArray ?? []).OfType<JsonObject>()
                          .FirstOrDefault(i => i["PrivateNote"]?.ToString()?.Contains(marker, StringComparison.Ordinal) == true)
                      ?? await api.CreateAsync(tenant, "Invoice", Body(invoice, marker, item, retainageItem, jobClass), requestId, cancellationToken);
        await tenant.QuickBooksSync.ApplyAsync("Invoice", [(JsonObject)created.DeepClone()], null, lists.Setting(tenant, "RetainageItem"), cancellationToken);
        var json = new QuickBooksJson("Invoice", created);
        return new LedgerWriteResult(json.Id, json.SyncToken, new JsonObject { ["Invoice"] = created.DeepClone() });
    }

    public async Task<LedgerWriteResult> DeleteInvoiceAsync(
        TenantData tenant, string invoiceId, long syncToken, JsonObject? written, string requestId, CancellationToken cancellationToken)
    {
        var current = await api.ReadAsync(tenant, "Invoice", invoiceId, cancellationToken)
                      ?? throw new LedgerChangedException($"Invoice {invoiceId} is no longer in QuickBooks; nothing to undo there.");
        var payments = (current["LinkedTxn"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(l => l["TxnType"]?.ToString() == "Payment").Select(l => l["TxnId"]?.ToString()).ToList();
        if (payments.Count > 0)
        {
            throw new LedgerChangedException(
                $"Invoice {invoiceId} has a payment linked in QuickBooks (payment {string.Join(", ", payments)}); undo refused. Unapply the payment there first.");
        }

        var token = new QuickBooksJson("Invoice", current).SyncToken;
        if (token != syncToken)
        {
            // Issue 13: name what moved (customer, dates, amounts, lines), as bill and journal-entry undo do.
            throw LedgerChanges.Refusal("Invoice", invoiceId, syncToken, token, written, current);
        }

        var deleted = await api.DeleteAsync(tenant, "Invoice", invoiceId, token.ToString(CultureInfo.InvariantCulture), requestId, cancellationToken);
        await tenant.QuickBooksSync.ApplyAsync("Invoice", [new JsonObject { ["Id"] = invoiceId, ["status"] = "Deleted" }], null, cancellationToken);
        return new LedgerWriteResult(invoiceId, token, new JsonObject { ["Invoice"] = deleted.DeepClone() });
    }

    /// <summary>Read back from QuickBooks, not the local copy: undo must see a change made there since the last sync.</summary>
    public async Task<long?> InvoiceSyncTokenAsync(TenantData tenant, string invoiceId, CancellationToken cancellationToken) =>
        await QuickBooksReadBack.ReadOrForgetAsync(api, tenant, "Invoice", invoiceId, cancellationToken) is { } invoice ? new QuickBooksJson("Invoice", invoice).SyncToken : null;

    private static JsonObject Body(InvoiceDraft invoice, string marker, string item, string? retainageItem, string? jobClass)
    {
        var lines = invoice.Lines.Select(line => Line(line.Amount, line.Description ?? line.Item, line.IsRelease ? retainageItem! : item, jobClass)).ToList();
        if (invoice.Retainage != 0m && retainageItem is not null)
        {
            lines.Add(Line(-invoice.Retainage, "Retainage withheld", retainageItem, jobClass));
        }

        return new JsonObject
        {
            ["CustomerRef"] = new JsonObject { ["value"] = invoice.CustomerId },
            ["DocNumber"] = invoice.DocNumber,
            ["TxnDate"] = QuickBooksRowSql.Iso(invoice.TxnDate),
            ["DueDate"] = QuickBooksRowSql.Iso(invoice.DueDate),
            ["PrivateNote"] = marker,
            ["Line"] = new JsonArray(lines.ToArray()),
        };
    }

    private static JsonNode Line(decimal amount, string? description, string item, string? classId) => new JsonObject
    {
        ["Amount"] = amount,
        ["Description"] = description,
        ["DetailType"] = "SalesItemLineDetail",
        ["SalesItemLineDetail"] = new JsonObject
        {
            ["ItemRef"] = new JsonObject { ["value"] = item }, ["Qty"] = 1, ["UnitPrice"] = amount, ["ClassRef"] = QuickBooksJson.Reference(classId),
        },
    };
}

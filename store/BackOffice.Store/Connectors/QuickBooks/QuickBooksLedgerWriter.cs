using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// The ledger target when a tenant executes into QuickBooks Online (issue 13). A drafted bill becomes a Bill with
/// AccountBasedExpenseLineDetail lines (qbo.md section 5; the negative retainage line as the sandbox writes it) sent
/// with <c>requestid</c> = the proposal's idempotency key. Because Intuit publishes no retention for requestid, a
/// create first looks for a bill of the same vendor and DocNumber whose memo carries that key. What QuickBooks
/// answers is applied to the local ledger tables at once, so the next sweep sees it before the next sync. Lines carry
/// the ClassRef the tenant maps their job or account to (<see cref="QuickBooksClassMap"/>). A bill without a due date
/// carries its vendor's term as SalesTermRef (issue 16).
/// </summary>
public sealed class QuickBooksLedgerWriter(QuickBooksApi api, QuickBooksLists lists) : ILedgerWriter
{
    public async Task<LedgerWriteResult> CreateBillAsync(TenantData tenant, BillDraft bill, string requestId, CancellationToken cancellationToken)
    {
        var marker = Marker(requestId);
        // Resolved before anything is sent: a class setting that names no synced class fails the write with nothing written.
        var map = await lists.ClassesAsync(tenant, cancellationToken);
        var classes = bill.Lines.Select(line => map.ClassFor(line.CustomerId, line.AccountId)).ToList();
        // Issue 16: a bill without its due date carries its vendor's term, so QuickBooks and our copy date it alike.
        var term = bill.DueDate is null ? (await tenant.Ledger.VendorTermsAsync(cancellationToken)).GetValueOrDefault(bill.VendorId)?.Id : null;
        var earlier = bill.DocNumber is null ? [] : await QueryBillsAsync(tenant, bill.VendorId, bill.DocNumber, cancellationToken);
        var created = earlier.FirstOrDefault(b => b["PrivateNote"]?.ToString()?.Contains(marker, StringComparison.Ordinal) == true)
                      ?? await api.CreateAsync(tenant, "Bill", Body(bill, marker, classes, term), requestId, cancellationToken);
        await tenant.QuickBooksSync.ApplyAsync("Bill", [(JsonObject)created.DeepClone()], null, cancellationToken);
        return Result(created);
    }

    public async Task<LedgerWriteResult> DeleteBillAsync(
        TenantData tenant, string billId, long syncToken, string requestId, CancellationToken cancellationToken)
    {
        var deleted = await api.DeleteAsync(tenant, "Bill", billId, syncToken.ToString(CultureInfo.InvariantCulture), requestId, cancellationToken);
        await tenant.QuickBooksSync.ApplyAsync("Bill", [new JsonObject { ["Id"] = billId, ["status"] = "Deleted" }], null, cancellationToken);
        return new LedgerWriteResult(billId, syncToken, new JsonObject { ["Bill"] = deleted.DeepClone() });
    }

    public async Task<LedgerBillRef?> GetBillAsync(TenantData tenant, string billId, CancellationToken cancellationToken)
    {
        var bill = await QuickBooksReadBack.ReadOrForgetAsync(api, tenant, "Bill", billId, cancellationToken);
        return bill is null ? null : Ref(bill) with { Entity = bill };
    }

    public async Task<IReadOnlyList<LedgerBillRef>> FindBillsAsync(TenantData tenant, string vendorId, string docNumber, CancellationToken cancellationToken) =>
        (await QueryBillsAsync(tenant, vendorId, docNumber, cancellationToken)).Select(Ref).ToList();

    private async Task<List<JsonObject>> QueryBillsAsync(TenantData tenant, string vendorId, string docNumber, CancellationToken cancellationToken)
    {
        var response = await api.QueryAsync(tenant,
            $"SELECT * FROM Bill WHERE DocNumber = '{Quote(docNumber)}' AND VendorRef = '{Quote(vendorId)}'", cancellationToken);
        return (response["Bill"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    /// <summary>The memo tag that carries our key, so a bill we wrote is found again when requestid has been forgotten.</summary>
    public static string Marker(string requestId) => $"[backoffice {requestId}]";

    private static JsonObject Body(BillDraft bill, string marker, IReadOnlyList<string?> classes, string? termId) => new()
    {
        ["VendorRef"] = new JsonObject { ["value"] = bill.VendorId },
        ["TxnDate"] = QuickBooksRowSql.Iso(bill.TxnDate),
        ["DueDate"] = bill.DueDate is { } due ? QuickBooksRowSql.Iso(due) : null,
        ["SalesTermRef"] = QuickBooksJson.Reference(termId),
        ["DocNumber"] = bill.DocNumber,
        // PrivateNote holds at most 4000 characters (qbo.md section 5).
        ["PrivateNote"] = bill.Memo is null ? marker : $"{bill.Memo[..Math.Min(bill.Memo.Length, 3900)]} {marker}",
        ["Line"] = new JsonArray(bill.Lines.Select((line, n) => (JsonNode)new JsonObject
        {
            ["Amount"] = line.Amount,
            ["Description"] = line.CostCode is null ? line.Description : $"{line.CostCode} {line.Description}".TrimEnd(),
            ["DetailType"] = "AccountBasedExpenseLineDetail",
            ["AccountBasedExpenseLineDetail"] = new JsonObject
            {
                ["AccountRef"] = new JsonObject { ["value"] = line.AccountId },
                ["CustomerRef"] = line.CustomerId is null ? null : new JsonObject { ["value"] = line.CustomerId },
                ["ClassRef"] = QuickBooksJson.Reference(classes[n]),
                ["BillableStatus"] = "NotBillable",
            },
        }).ToArray()),
    };

    private static LedgerWriteResult Result(JsonObject bill)
    {
        var reference = Ref(bill);
        return new LedgerWriteResult(reference.Id, reference.SyncToken, new JsonObject { ["Bill"] = bill.DeepClone() });
    }

    private static LedgerBillRef Ref(JsonObject bill)
    {
        var json = new QuickBooksJson("Bill", bill);
        return new LedgerBillRef(json.Id, json.SyncToken, "active");
    }

    /// <summary>Query values are single-quoted; a quote inside is escaped with a backslash (qbo.md section 3).</summary>
    internal static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}

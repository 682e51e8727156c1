using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Collections;
using BackOffice.Store.Records;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Issue 16: an invoice or bill that QuickBooks sends without a DueDate is due as its term says (SalesTermRef on both;
/// Intuit's Invoice and Bill references, qbo.md section 5), else as its party's term says (the customer's, or its
/// parent's, for an invoice; the vendor's TermRef for a bill), read from the synced terms (<see cref="PaymentTerm.DueDate"/>).
/// The sync runs customers, vendors and terms before bills and invoices, so the term is there when a document needs it.
/// </summary>
internal static class QuickBooksTerms
{
    public static async Task<JsonObject> WithDueDateAsync(DbConnection c, DbTransaction t, string entity, JsonObject body, CancellationToken ct)
    {
        if (entity is not ("Invoice" or "Bill") || body["DueDate"] is JsonValue
            || body["TxnDate"]?.ToString() is not { } text || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return body;
        }

        var (parties, party) = entity == "Bill" ? (PartyTermSql.Vendors, QuickBooksJson.RefOf(body, "VendorRef")) : (PartyTermSql.Customers, QuickBooksJson.RefOf(body, "CustomerRef"));
        var termId = QuickBooksJson.RefOf(body, "SalesTermRef") ?? await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT x.TermId FROM ({parties}) x WHERE x.PartyId = @party", new { party }, t, cancellationToken: ct));
        var term = termId is null ? null : await c.QuerySingleOrDefaultAsync<PaymentTermRow>(new CommandDefinition(
            $"SELECT {PaymentTermRow.Columns} FROM ledger_terms t WHERE t.id = @termId",
            new { termId }, t, cancellationToken: ct));
        if (term?.ToTerm().DueDate(date) is not { } due)
        {
            return body;
        }

        var filled = (JsonObject)body.DeepClone();
        filled["DueDate"] = QuickBooksRowSql.Iso(due);
        return filled;
    }
}

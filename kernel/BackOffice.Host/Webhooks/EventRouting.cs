using BackOffice.Store.Events;

namespace BackOffice.Host.Webhooks;


/// <summary>Which agent's sweep an entity change concerns (issue 9). Unknown entities are kept but trigger nothing.</summary>
public static class EventRouting
{
    private static readonly Dictionary<string, string> Agents = new(StringComparer.OrdinalIgnoreCase)
    {
        // QuickBooks Online entities (ledger side).
        ["bill"] = "financial", ["billpayment"] = "financial", ["purchase"] = "financial", ["purchaseorder"] = "financial",
        ["journalentry"] = "financial", ["vendor"] = "financial", ["account"] = "financial", ["customer"] = "financial",
        ["invoice"] = "collections", ["payment"] = "collections", ["creditmemo"] = "collections",
        ["timeactivity"] = "workforce", ["item"] = "pricebook",
        // Issue 16: a changed term re-dates the invoices and bills it dated (QuickBooksTerms.RedateAsync), so it is fetched
        // and Collections (aging, the dunning queue) sweeps; Financial sees the re-dated bills through the journal on its next sweep.
        ["term"] = "collections",
        // Procore resources (project side).
        ["projects"] = "financial", ["budget"] = "financial", ["commitments"] = "financial", ["work order contracts"] = "financial",
        ["purchase order contracts"] = "financial", ["change orders"] = "financial", ["commitment change orders"] = "financial",
        ["prime contracts"] = "financial", ["requisitions"] = "financial", ["payment applications"] = "financial",
        ["direct costs"] = "financial", ["timecard entries"] = "workforce",
    };

    public static string? AgentFor(string entity) => Agents.TryGetValue(entity, out var agent) ? agent : null;
}

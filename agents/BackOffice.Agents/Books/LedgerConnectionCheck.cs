using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Books;

/// <summary>
/// Issue 13: a QuickBooks connection whose refresh token Intuit refused (invalid_grant) no longer updates the books.
/// The agents that read the ledger then fail closed: they say so in one finding for the admin and compute nothing
/// and propose nothing from books that stopped moving, as for a ledger that was never connected.
/// </summary>
public static class LedgerConnectionCheck
{
    public const string Check = "ledger-needs-reconnect";

    /// <summary>The finding when the tenant's QuickBooks connection needs reconnecting; null when the agent may sweep.</summary>
    public static async Task<CheckResult?> RunAsync(TenantData tenant, string agent, CancellationToken cancellationToken)
    {
        var connection = await tenant.QuickBooks.CurrentAsync(cancellationToken);
        if (connection is not { Status: QuickBooksConnection.NeedsReconnect })
        {
            return null;
        }

        var company = connection.CompanyName ?? "the QuickBooks company";
        var figures = LastSync(connection);
        var narrative =
            $"QuickBooks refused this tenant's sign-in for {company} ({connection.LastError ?? "the grant is no longer valid"}), so the books " +
            $"have not been read since the last sync. An admin must reconnect: `backoffice connect quickbooks --tenant {tenant.Tenant}` or " +
            $"Connect QuickBooks on the console's admin page. Until then the {agent} agent computes and proposes nothing from these books.";
        var finding = new Finding(
            $"{agent}:{Check}:{connection.RealmId}", agent, Check, Severity.Critical,
            $"QuickBooks needs reconnecting ({company})", figures, narrative);
        return CheckResult.Of([finding]);
    }

    private static IReadOnlyList<Figure> LastSync(QuickBooksConnection connection)
    {
        var source = new SourceRef("quickbooks", "quickbooks_connections", connection.RealmId);
        return DateTimeOffset.TryParse(connection.LastSyncAt, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? [Figure.Date("last_sync", DateOnly.FromDateTime(at.UtcDateTime), "quickbooks-connection", source)]
            : [];
    }
}

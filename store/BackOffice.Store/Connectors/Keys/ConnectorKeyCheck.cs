using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Keys;

/// <summary>What `connections rekey` did for one tenant.</summary>
public sealed record RekeyResult(string Tenant, int QuickBooksRows, int ProcoreRows);

/// <summary>
/// Issue 13: the start-up check (every live connection's tokens decrypt with the configured keys, or the host refuses
/// to start naming the setting; never a silent re-connect) and `connections rekey` (every row re-encrypted with the
/// current key, each tenant in one unit).
/// </summary>
public sealed class ConnectorKeyCheck(ITokenProtector protector, ConnectorKeyRing ring)
{
    /// <summary>One line per live connection whose tokens the configured keys cannot read; empty when all can.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var c in await tenant.QuickBooks.ListAsync(cancellationToken))
        {
            if (c.Status != "disconnected" && Unreadable(c.AccessToken, c.RefreshToken) is { } why)
            {
                problems.Add($"tenant {tenant.Tenant}, QuickBooks realm {c.RealmId}: {why}");
            }
        }

        foreach (var c in await tenant.Procore.ListAsync(cancellationToken))
        {
            if (c.Status != "disconnected" && Unreadable(c.AccessToken, c.RefreshToken) is { } why)
            {
                problems.Add($"tenant {tenant.Tenant}, Procore company {c.CompanyId}: {why}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Re-encrypts every connection row of the tenant with the current key. A live row that cannot be read stops the
    /// rekey with the named error (nothing of that tenant changes); a disconnected row's grant is revoked already, so an
    /// unreadable one is overwritten with an empty token rather than blocking the rotation for ever.
    /// </summary>
    public async Task<RekeyResult> RekeyAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var current = ring.Current().Id;
        string Rewrap(string text, bool disconnected)
        {
            if (KeyedTokenProtector.KeyIdOf(text) == current)
            {
                return text;
            }

            try
            {
                return protector.Protect(protector.Unprotect(text));
            }
            catch (ConnectorKeyException) when (disconnected)
            {
                return protector.Protect("");
            }
        }

        var quickbooks = await tenant.QuickBooks.RewrapTokensAsync(Rewrap, cancellationToken);
        var procore = await tenant.Procore.RewrapTokensAsync(Rewrap, cancellationToken);
        return new RekeyResult(tenant.Tenant, quickbooks, procore);
    }

    private string? Unreadable(string access, string? refresh)
    {
        try
        {
            protector.Unprotect(access);
            if (refresh is not null)
            {
                protector.Unprotect(refresh);
            }

            return null;
        }
        catch (ConnectorKeyException ex)
        {
            return ex.Message;
        }
    }
}

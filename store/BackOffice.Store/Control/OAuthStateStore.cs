using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>A console sign-in to QuickBooks or Procore waiting for its redirect: who started it, where, and until when.</summary>
public sealed record PendingOAuth(string Tenant, string UserId, string Source, string RedirectUri, string? CompanyId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues 13 and 14 in the console: the OAuth state of a "Connect" button, kept server-side in the control database
/// (`oauth_states`, control migration 0052) so any host can receive the redirect. Only the state's SHA-256 is stored;
/// <see cref="TakeAsync"/> deletes the row as it reads it, so a state is spent once, whether or not it then passes.
/// </summary>
public sealed class OAuthStateStore(TenantDataSource data)
{
    /// <summary>Stores a fresh random state for <paramref name="pending"/> and returns it (the value the browser carries).</summary>
    public async Task<string> IssueAsync(PendingOAuth pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var unit = await data.WriteControlAsync(cancellationToken);
        // Abandoned sign-ins are pruned here, so the table holds only the few that can still come back.
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth_states WHERE expires_at < @now", new { now = Text(now) }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oauth_states (state_hash, tenant, user_id, source, redirect_uri, company_id, expires_at)
            VALUES (@hash, @Tenant, @UserId, @Source, @RedirectUri, @CompanyId, @expires)
            """,
            new { hash = Hash(state), pending.Tenant, pending.UserId, pending.Source, pending.RedirectUri, pending.CompanyId, expires = Text(pending.ExpiresAt) },
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return state;
    }

    /// <summary>The pending sign-in <paramref name="state"/> names, removed in the same statement; null when there is none (never issued, or already used).</summary>
    public async Task<PendingOAuth?> TakeAsync(string state, CancellationToken cancellationToken)
    {
        await using var unit = await data.WriteControlAsync(cancellationToken);
        var row = await unit.Connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            """
            DELETE FROM oauth_states WHERE state_hash = @hash
            RETURNING tenant AS Tenant, user_id AS UserId, source AS Source, redirect_uri AS RedirectUri, company_id AS CompanyId, expires_at AS ExpiresAt
            """, new { hash = Hash(state) }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return row is null
            ? null
            : new PendingOAuth(row.Tenant, row.UserId, row.Source, row.RedirectUri, row.CompanyId, DateTimeOffset.Parse(row.ExpiresAt, CultureInfo.InvariantCulture));
    }

    private static string Hash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed record StateRow(string Tenant, string UserId, string Source, string RedirectUri, string? CompanyId, string ExpiresAt);
}

using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>
/// The one-time link that sets the first admin on a fresh install (issue 9). Issued only while no user has a
/// password; used once (a conditional UPDATE on used_at IS NULL), expires, and is stored as a SHA-256 hash.
/// </summary>
public sealed class SetupLinks(
    TenantDataSource data, UserDirectory users, CredentialStore credentials, AuditStore audit, TimeProvider clock, AuthOptions options)
{
    /// <summary>A new setup token when the install has no password yet; null otherwise.</summary>
    public async Task<string?> IssueIfFreshAsync(CancellationToken cancellationToken)
    {
        if (await credentials.AnyPasswordAsync(cancellationToken))
        {
            return null;
        }

        var token = SecretTokens.New("setup_");
        var now = clock.GetUtcNow();
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO setup_links (token_hash, created_at, expires_at) VALUES (@hash, @now, @expires)",
            new { hash = SecretTokens.HashOf(token), now = Text(now), expires = Text(now.AddHours(options.SetupLinkHours)) },
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>Creates the admin with a password if the token is valid, unused and unexpired; false otherwise.</summary>
    public async Task<bool> CompleteAsync(string token, string admin, string password, CancellationToken cancellationToken)
    {
        if (password.Length < 8 || string.IsNullOrWhiteSpace(admin))
        {
            throw new ArgumentException("The first admin needs a name and a password of at least 8 characters.", nameof(password));
        }

        await using (var unit = await data.WriteControlAsync(cancellationToken))
        {
            var claimed = await unit.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE setup_links SET used_at = @now, used_by = @admin WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now",
                new { hash = SecretTokens.HashOf(token), now = Text(clock.GetUtcNow()), admin }, unit.Transaction, cancellationToken: cancellationToken));
            if (claimed != 1)
            {
                return false;
            }

            await audit.AppendControlAsync(unit, admin, "auth.setup-link-used", $"user:{admin}", new JsonObject(), cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        await users.AddAsync(admin, "admin", null, null, "setup-link", cancellationToken);
        await credentials.SetPasswordAsync(admin, password, "setup-link", cancellationToken);
        return true;
    }

    private static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}

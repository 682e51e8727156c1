using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>One API token as `tokens list` shows it: an id (the first 12 hex digits of its SHA-256), never the token.</summary>
public sealed record ApiTokenInfo(string Id, string User, string Label, string CreatedAt, string? RevokedAt);

/// <summary>
/// Issue 19: sessions and tokens that can be taken back. A console session carries the user's security stamp; signing
/// out or setting a password replaces it (every earlier cookie is refused on its next request). API tokens are listed
/// by id and revoked, each revocation an event in the control chain.
/// </summary>
public sealed partial class CredentialStore
{
    private string? _dummyHash;

    /// <summary>A hash no password matches, with this installation's iterations: what an unknown user is checked against.</summary>
    private string DummyHash => _dummyHash ??= PasswordHasher.Hash(SecretTokens.New("dummy_"), options.Pbkdf2Iterations);

    /// <summary>Does the PBKDF2 work of a real check and answers no.</summary>
    private bool VerifyNobody(string password)
    {
        _ = PasswordHasher.Verify(password, DummyHash);
        return false;
    }

    private static string NewStamp() => SecretTokens.New("ss_");

    /// <summary>The user's current security stamp, or null for a user with no password.</summary>
    public async Task<string?> SecurityStampAsync(string user, CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT security_stamp FROM user_credentials WHERE user_name = @user", new { user }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends every console session of <paramref name="user"/> (sign-out), audited with the reason.</summary>
    public async Task RevokeSessionsAsync(string user, string actor, string reason, CancellationToken cancellationToken)
    {
        // Issue 18: a control write unit, so this runs on either engine; on SQLite it begins through the write retry.
        await using var unit = await data.WriteControlAsync(cancellationToken);
        var (connection, transaction) = (unit.Connection, unit.Transaction);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE user_credentials SET security_stamp = @stamp WHERE user_name = @user", new { user, stamp = NewStamp() }, transaction,
            cancellationToken: cancellationToken));
        await audit.AppendControlAsync(unit, actor, "auth.sessions-revoked", $"user:{user}",
            new JsonObject { ["reason"] = reason }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<ApiTokenInfo>(new CommandDefinition(
            """
            SELECT substr(token_hash, 1, 12) AS Id, user_name AS User, label AS Label, created_at AS CreatedAt, revoked_at AS RevokedAt
            FROM api_tokens ORDER BY created_at, token_hash
            """, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Revokes the active token whose id is <paramref name="id"/>; an unknown or already revoked id is an error.</summary>
    public async Task<ApiTokenInfo> RevokeTokenAsync(string id, string actor, CancellationToken cancellationToken)
    {
        if (id.Length != 12 || !id.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"Token id '{id}' is not valid: 12 lower-case hex digits, as `tokens list` shows.", nameof(id));
        }

        // Issue 18: a control write unit, so this runs on either engine; on SQLite it begins through the write retry.
        await using var unit = await data.WriteControlAsync(cancellationToken);
        var (connection, transaction) = (unit.Connection, unit.Transaction);
        var token = await connection.QuerySingleOrDefaultAsync<ApiTokenInfo>(new CommandDefinition(
            """
            SELECT substr(token_hash, 1, 12) AS Id, user_name AS User, label AS Label, created_at AS CreatedAt, revoked_at AS RevokedAt
            FROM api_tokens WHERE substr(token_hash, 1, 12) = @id AND revoked_at IS NULL
            """, new { id }, transaction, cancellationToken: cancellationToken))
            ?? throw new ArgumentException($"No active API token has id '{id}'.", nameof(id));
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @at WHERE substr(token_hash, 1, 12) = @id AND revoked_at IS NULL", new { id, at }, transaction,
            cancellationToken: cancellationToken));
        await audit.AppendControlAsync(unit, actor, "auth.token-revoked", $"user:{token.User}",
            new JsonObject { ["token"] = id, ["label"] = token.Label }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return token with { RevokedAt = at };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>One API token as `tokens list` shows it: an id (the first 12 hex digits of its SHA-256), never the token.</summary>
public sealed record ApiTokenInfo(string Id, string User, string Label, string CreatedAt, string? RevokedAt, string ExpiresAt);

/// <summary>A token just issued: the token itself (shown once), its id and when it expires.</summary>
public sealed record IssuedApiToken(string Token, string Id, string ExpiresAt);

/// <summary>What a presented token is worth: its user, or the plain reason it is refused.</summary>
public sealed record ApiTokenCheck(UserRecord? User, string? Refusal);

/// <summary>
/// API tokens (issues 9 and 19): issued with a lifetime (Auth:ApiTokenDays by default, at most Auth:ApiTokenMaxDays),
/// listed by id with their expiry, revoked by id; an expired or revoked token is refused with the reason. Issue,
/// revocation and the first use of an expired token are events in the control chain.
/// </summary>
public sealed partial class CredentialStore
{
    private const string TokenColumns =
        "substr(token_hash, 1, 12) AS Id, user_name AS User, label AS Label, created_at AS CreatedAt, revoked_at AS RevokedAt, expires_at AS ExpiresAt";

    /// <summary>Issues an API token with the default lifetime; the token is shown once, only its SHA-256 is kept.</summary>
    public async Task<string> IssueTokenAsync(string user, string label, string actor, CancellationToken cancellationToken) =>
        (await IssueTokenAsync(user, label, actor, null, cancellationToken)).Token;

    /// <summary>Issues an API token that lives <paramref name="days"/> days (the configured default when null).</summary>
    public async Task<IssuedApiToken> IssueTokenAsync(string user, string label, string actor, int? days, CancellationToken cancellationToken)
    {
        var lifetime = days ?? options.ApiTokenDays;
        if (lifetime < 1 || lifetime > options.ApiTokenMaxDays)
        {
            throw new ArgumentException(
                $"An API token lives 1 to {options.ApiTokenMaxDays} days (Auth:ApiTokenMaxDays); {lifetime} was asked.", nameof(days));
        }

        _ = await users.FindAsync(user, cancellationToken) ?? throw new ArgumentException($"User '{user}' does not exist.", nameof(user));
        var token = SecretTokens.New("bo_");
        var hash = SecretTokens.HashOf(token);
        var now = clock.GetUtcNow();
        var expires = Stamp(now.AddDays(lifetime));
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_tokens (token_hash, user_name, label, created_at, expires_at) VALUES (@hash, @user, @label, @at, @expires)",
            new { hash, user, label, at = Stamp(now), expires }, unit.Transaction, cancellationToken: cancellationToken));
        await audit.AppendControlAsync(unit, actor, "auth.token-issued", $"user:{user}",
            new JsonObject { ["label"] = label, ["token"] = hash[..12], ["expires"] = expires }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return new IssuedApiToken(token, hash[..12], expires);
    }

    /// <summary>The user an API token belongs to, or null for an unknown, revoked or expired token.</summary>
    public async Task<UserRecord?> UserForTokenAsync(string token, CancellationToken cancellationToken) =>
        (await CheckTokenAsync(token, cancellationToken)).User;

    /// <summary>The token's user, or why it is refused; the first use of an expired token is audited.</summary>
    public async Task<ApiTokenCheck> CheckTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.HashOf(token);
        ApiTokenInfo? found;
        await using (var read = await data.ReadControlAsync(cancellationToken))
        {
            found = await read.Connection.QuerySingleOrDefaultAsync<ApiTokenInfo>(new CommandDefinition(
                $"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @hash", new { hash }, cancellationToken: cancellationToken));
        }

        if (found is null)
        {
            return new ApiTokenCheck(null, "Unknown API token.");
        }

        if (found.RevokedAt is not null)
        {
            return new ApiTokenCheck(null, $"This API token was revoked at {found.RevokedAt}.");
        }

        var expires = ExpiryOf(found);
        if (clock.GetUtcNow() >= DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture))
        {
            await AuditFirstExpiredUseAsync(hash, found, cancellationToken);
            return new ApiTokenCheck(null, $"This API token expired at {expires}; issue a new one.");
        }

        return new ApiTokenCheck(await users.FindAsync(found.User, cancellationToken), null);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        var tokens = await unit.Connection.QueryAsync<ApiTokenInfo>(new CommandDefinition(
            // Issue 17: the whole hash, cut here: SQLite gives substr() no declared type, so with no token at all Dapper
            // took the column for a blob and the console's tokens page of a fresh install answered 500.
            $"SELECT {TokenColumns.Replace("substr(token_hash, 1, 12) AS Id", "token_hash AS Id", StringComparison.Ordinal)} FROM api_tokens ORDER BY created_at, token_hash",
            cancellationToken: cancellationToken));
        return tokens.Select(t => t with { Id = t.Id[..12], ExpiresAt = ExpiryOf(t) }).ToList();
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
            $"SELECT {TokenColumns} FROM api_tokens WHERE substr(token_hash, 1, 12) = @id AND revoked_at IS NULL",
            new { id }, transaction, cancellationToken: cancellationToken))
            ?? throw new ArgumentException($"No active API token has id '{id}'.", nameof(id));
        var at = Now();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @at WHERE substr(token_hash, 1, 12) = @id AND revoked_at IS NULL", new { id, at }, transaction,
            cancellationToken: cancellationToken));
        await audit.AppendControlAsync(unit, actor, "auth.token-revoked", $"user:{token.User}",
            new JsonObject { ["token"] = id, ["label"] = token.Label }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return token with { RevokedAt = at, ExpiresAt = ExpiryOf(token) };
    }

    /// <summary>
    /// Issue 19: only the first request after expiry is an event; a script replaying an expired token in a loop must not
    /// grow the control chain without bound. The conditional update makes "first" hold across concurrent requests.
    /// </summary>
    private async Task AuditFirstExpiredUseAsync(string hash, ApiTokenInfo token, CancellationToken cancellationToken)
    {
        await using var unit = await data.WriteControlAsync(cancellationToken);
        var first = await unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET expired_used_at = @at WHERE token_hash = @hash AND expired_used_at IS NULL",
            new { hash, at = Now() }, unit.Transaction, cancellationToken: cancellationToken));
        if (first == 1)
        {
            await audit.AppendControlAsync(unit, token.User, "auth.token-expired", $"user:{token.User}",
                new JsonObject { ["token"] = token.Id, ["label"] = token.Label, ["expired"] = ExpiryOf(token) }, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The stored expiry, or for a token issued before tokens expired, the longest lifetime after its issue.</summary>
    private string ExpiryOf(ApiTokenInfo token) => token.ExpiresAt is { Length: > 0 } stored
        ? stored
        : Stamp(DateTimeOffset.Parse(token.CreatedAt, CultureInfo.InvariantCulture).AddDays(options.ApiTokenMaxDays));

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

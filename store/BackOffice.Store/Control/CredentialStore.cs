using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>
/// Passwords and API tokens of the users in the control database (issue 9). Only hashes are stored; every login,
/// failed login, password change and token issue is an event in the control audit chain.
/// </summary>
public sealed partial class CredentialStore(TenantDataSource data, UserDirectory users, AuditStore audit, TimeProvider clock, AuthOptions options)
{
    public async Task SetPasswordAsync(string user, string password, string actor, CancellationToken cancellationToken)
    {
        if (password.Length < 8)
        {
            throw new ArgumentException("A password needs at least 8 characters.", nameof(password));
        }

        _ = await users.FindAsync(user, cancellationToken) ?? throw new ArgumentException($"User '{user}' does not exist.", nameof(user));
        var hash = PasswordHasher.Hash(password, options.Pbkdf2Iterations);
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO user_credentials (user_name, password_hash, updated_at, security_stamp) VALUES (@user, @hash, @at, @stamp)
            ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at,
                security_stamp = excluded.security_stamp
            """, new { user, hash, at = Now(), stamp = NewStamp() }, unit.Transaction, cancellationToken: cancellationToken));
        await audit.AppendControlAsync(unit, actor, "user.password-set", $"user:{user}", new JsonObject(), cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>The user when the password matches; audits the login or the failed login either way.</summary>
    public async Task<UserRecord?> LoginAsync(string user, string password, string channel, CancellationToken cancellationToken)
    {
        string? stored;
        await using (var read = await data.ReadControlAsync(cancellationToken))
        {
            stored = await read.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT password_hash FROM user_credentials WHERE user_name = @user", new { user }, cancellationToken: cancellationToken));
        }

        // Issue 19: an unknown user costs the same PBKDF2 work as a wrong password, so timing does not tell which names exist.
        var matches = stored is not null ? PasswordHasher.Verify(password, stored) : VerifyNobody(password);
        var record = matches ? await users.FindAsync(user, cancellationToken) : null;
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await audit.AppendControlAsync(unit, user, record is null ? "auth.login-failed" : "auth.login", $"user:{user}",
            new JsonObject { ["channel"] = channel }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<bool> AnyPasswordAsync(CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM user_credentials)", cancellationToken: cancellationToken));
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}

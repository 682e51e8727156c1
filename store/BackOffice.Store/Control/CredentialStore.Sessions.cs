using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using Dapper;

namespace BackOffice.Store.Control;

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
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;

namespace BackOffice.Agents;

/// <summary>
/// Idempotency keys for every agent's proposals: a short prefix naming the action and 24 hex characters of the SHA-256
/// of the facts. Same facts, same key, so a re-sweep over unchanged data proposes nothing new (DESIGN.md rule 4); the
/// key is passed to the target as QuickBooks' requestid, so prefix plus hash stays within its 50 characters.
/// </summary>
public static class ProposalKeys
{
    /// <summary>The key of a proposal whose facts are its payload (or a small object of the facts that matter).</summary>
    public static string For(string prefix, JsonObject facts) => For(prefix, CanonicalJson.Serialize(facts));

    /// <summary>The key of a proposal whose facts are a few values, joined with "|".</summary>
    public static string For(string prefix, params string[] facts) => For(prefix, string.Join("|", facts));

    private static string For(string prefix, string facts) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(facts)))[..24];
}

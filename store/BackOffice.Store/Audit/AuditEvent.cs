using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Audit;

/// <summary>One stored audit event. <see cref="Hash"/> = SHA-256(prev_hash + canonical JSON of the event).</summary>
public sealed record AuditEvent(long Seq, string At, string Actor, string Kind, string Subject, string DataJson, string PrevHash, string Hash)
{
    /// <summary>The hash of the chain before its first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(long seq, string at, string actor, string kind, string subject, string dataJson, string prevHash)
    {
        var body = new JsonObject
        {
            ["seq"] = seq,
            ["at"] = at,
            ["actor"] = actor,
            ["kind"] = kind,
            ["subject"] = subject,
            ["data"] = JsonNode.Parse(dataJson),
        };
        var bytes = Encoding.UTF8.GetBytes(prevHash + CanonicalJson.Serialize(body));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

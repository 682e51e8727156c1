using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Audit;

/// <summary>
/// One stored audit event. <see cref="Hash"/> = HMAC-SHA256 with the installation's <see cref="AuditKey"/> of
/// (prev_hash + canonical JSON of the event); events written before the key existed (issue 19) used plain SHA-256.
/// </summary>
public sealed record AuditEvent(long Seq, string At, string Actor, string Kind, string Subject, string DataJson, string PrevHash, string Hash)
{
    /// <summary>The hash of the chain before its first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(
        long seq, string at, string actor, string kind, string subject, string dataJson, string prevHash, AuditKey? key = null)
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
        var text = prevHash + CanonicalJson.Serialize(body);
        return key is null ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) : key.Mac(text);
    }

    /// <summary>The hash this event would have under <paramref name="key"/>; null when its data is not JSON.</summary>
    public string? HashWith(AuditKey? key)
    {
        try
        {
            return ComputeHash(Seq, At, Actor, Kind, Subject, DataJson, PrevHash, key);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

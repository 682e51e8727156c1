using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using BackOffice.Store.Events;

namespace BackOffice.Host.Webhooks;

/// <summary>
/// Procore webhooks are unsigned (DESIGN.md section 7): the hook is configured to send a secret header, compared here
/// in constant time before parsing. Deliveries are hints; the sweep re-reads. Routed by company_id.
/// </summary>
public static class ProcoreWebhook
{
    public static bool SecretValid(string? given, string secret) =>
        !string.IsNullOrEmpty(secret) && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static InboundEvent Parse(byte[] body)
    {
        var e = JsonNode.Parse(body)?.AsObject() ?? throw new JsonException("Empty body.");
        var id = e["ulid"]?.ToString() ?? e["id"]?.ToString() ?? throw new JsonException("Missing id.");
        var company = e["company_id"]?.ToString() ?? throw new JsonException("Missing company_id.");
        return new InboundEvent("procore", company, id, e["resource_name"]?.ToString() ?? "", e.ToJsonString());
    }
}

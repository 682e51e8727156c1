using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Events;

namespace BackOffice.Host.Webhooks;

/// <summary>
/// QuickBooks Online webhooks (DESIGN.md section 7): `intuit-signature` is Base64(HMAC-SHA256(verifier token, raw
/// body)) and is checked in constant time BEFORE the body is parsed. The body is either the CloudEvents JSON array
/// (one event per element, routed by `intuitaccountid`) or the older `eventNotifications` object (routed by `realmId`).
/// </summary>
public static class QuickBooksWebhook
{
    public const string SignatureHeader = "intuit-signature";

    public static bool SignatureValid(byte[] body, string? signature, string verifierToken)
    {
        if (string.IsNullOrEmpty(verifierToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(verifierToken), body);
        var given = new byte[64];
        return Convert.TryFromBase64String(signature, given, out var length)
               && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, length), expected);
    }

    public static string Sign(byte[] body, string verifierToken) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(verifierToken), body));

    public static IReadOnlyList<InboundEvent> Parse(byte[] body)
    {
        var root = JsonNode.Parse(body) ?? throw new JsonException("Empty body.");
        return root switch
        {
            JsonArray cloudEvents => cloudEvents.Select(e => FromCloudEvent(e!.AsObject())).ToList(),
            JsonObject legacy when legacy["eventNotifications"] is JsonArray notifications => notifications.SelectMany(n => FromLegacy(n!.AsObject())).ToList(),
            _ => throw new JsonException("Neither a CloudEvents array nor an eventNotifications object."),
        };
    }

    /// <summary>type is "qbo.{entity}.{operation}.v1", e.g. qbo.bill.created.v1.</summary>
    private static InboundEvent FromCloudEvent(JsonObject e)
    {
        var type = (string?)e["type"] ?? throw new JsonException("A CloudEvent without type.");
        var parts = type.Split('.');
        return new InboundEvent("quickbooks", Required(e, "intuitaccountid"), Required(e, "id"), parts.Length > 1 ? parts[1] : type, e.ToJsonString());
    }

    /// <summary>The legacy shape has no event id: the entity, its id, the operation and lastUpdated identify a delivery.</summary>
    private static IEnumerable<InboundEvent> FromLegacy(JsonObject notification)
    {
        var realm = Required(notification, "realmId");
        var entities = notification["dataChangeEvent"]?["entities"]?.AsArray() ?? [];
        return entities.Select(x => x!.AsObject()).Select(x => new InboundEvent("quickbooks", realm,
            $"{realm}:{x["name"]}:{x["id"]}:{x["operation"]}:{x["lastUpdated"]}", (string?)x["name"] ?? "", x.ToJsonString()));
    }

    /// <summary>
    /// Issue 13: the entity operation a stored delivery names, from either shape; null when the payload names none (then
    /// the tenant gets a change-data-capture sync as before). CloudEvent operations are past tense ("created").
    /// </summary>
    public static QuickBooksChange? ChangeOf(string payloadJson)
    {
        JsonObject? o;
        try
        {
            o = JsonNode.Parse(payloadJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (o?["type"]?.ToString() is { } type && o["intuitentityid"]?.ToString() is { Length: > 0 } entityId)
        {
            var parts = type.Split('.');
            return parts.Length < 3 ? null
                : new QuickBooksChange(parts[1], entityId, Operation(parts[2]), o["data"]?["deletedid"]?.ToString() ?? o["data"]?["deletedId"]?.ToString());
        }

        return o?["name"]?.ToString() is { Length: > 0 } name && o["id"]?.ToString() is { Length: > 0 } id
            ? new QuickBooksChange(name, id, o["operation"]?.ToString() ?? "Update", o["deletedId"]?.ToString())
            : null;
    }

    /// <summary>
    /// Issue 13: <see cref="ChangeOf"/> with the time the payload says the entity changed: the legacy lastUpdated
    /// (formats vary, e.g. 2016-10-05T03:09:04.000Z or 2015-10-05T14:42:19-0700, Intuit's webhooks page) or a
    /// CloudEvent's time; none when it is absent or unreadable (then the entity is read whatever we hold).
    /// </summary>
    public static QuickBooksChange? DatedChangeOf(string payloadJson) =>
        ChangeOf(payloadJson) is not { } change ? null : change with { LastUpdated = WhenOf(payloadJson) };

    /// <summary>The payload's lastUpdated, or a CloudEvent's time, as written; null when there is none.</summary>
    public static string? LastUpdatedText(string payloadJson)
    {
        try
        {
            return JsonNode.Parse(payloadJson) is JsonObject o ? (o["lastUpdated"] ?? o["time"])?.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? WhenOf(string payloadJson) =>
        LastUpdatedText(payloadJson) is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;

    /// <summary>"created" -> Create, "merged" -> Merge, ... as the legacy payload spells them.</summary>
    private static string Operation(string pastTense) => pastTense.ToLowerInvariant() switch
    {
        "created" => "Create",
        "updated" => "Update",
        "deleted" => "Delete",
        "merged" => "Merge",
        "voided" => "Void",
        "emailed" => "Emailed",
        _ => pastTense,
    };

    private static string Required(JsonObject o, string name) =>
        o[name]?.ToString() is { Length: > 0 } value ? value : throw new JsonException($"Missing {name}.");
}

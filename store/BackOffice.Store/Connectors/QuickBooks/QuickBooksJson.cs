using System.Globalization;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>Reads one QuickBooks entity's fields, naming the entity, its Id and the field when one is missing or malformed.</summary>
internal sealed class QuickBooksJson(string entity, JsonObject body)
{
    public string Entity => entity;

    public JsonObject Body => body;

    public string Id => body["Id"]?.ToString() is { Length: > 0 } id ? id : throw Bad("Id", "missing");

    public long SyncToken => long.TryParse(body["SyncToken"]?.ToString() ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : throw Bad("SyncToken", "not a number");

    public string? Updated => body["MetaData"]?["LastUpdatedTime"]?.ToString();

    public bool Deleted => body["status"]?.ToString() == "Deleted";

    public string Text(string field) => Optional(field) ?? throw Bad(field, "missing");

    public string? Optional(string field) => body[field] is JsonValue v ? v.ToString() : null;

    /// <summary>
    /// A boolean field as the 0 or 1 its INTEGER column holds (issue 18: a .NET bool is a PostgreSQL boolean, which a
    /// bigint column refuses, so the scheduled sync on PostgreSQL failed on every name list).
    /// </summary>
    public long Flag(string field, bool missing) => (body[field] is JsonValue v ? v.GetValue<bool>() : missing) ? 1 : 0;

    /// <summary>An optional whole number (a term's DueDays); anything else is refused naming the field.</summary>
    public long? Whole(string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d) => (long)d,
        _ => throw Bad(field, "not a whole number"),
    };

    public string Ref(string field) => OptionalRef(field) ?? throw Bad(field, "missing");

    public string? OptionalRef(string field) => RefOf(body, field);

    public long Cents(string field) => CentsOf(body, field) ?? throw Bad(field, "missing");

    public long? OptionalCents(string field) => CentsOf(body, field);

    public IEnumerable<JsonObject> Lines => (body["Line"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>A reference <c>{"value": id}</c> (qbo.md section 5), or null so the field is left out.</summary>
    public static JsonObject? Reference(string? id) => id is null ? null : new JsonObject { ["value"] = id };

    public static string? RefOf(JsonNode? node, string field) => node?[field]?["value"]?.ToString() is { Length: > 0 } v ? v : null;

    public long? CentsOf(JsonNode? node, string field)
    {
        if (node?[field] is not JsonValue value)
        {
            return null;
        }

        try
        {
            // QuickBooks amounts are decimal numbers of dollars; a fraction of a cent is refused, never rounded away (rule 8).
            return Domain.Money.Cents.FromDollars(value.GetValue<decimal>());
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            throw Bad(field, $"'{value.ToJsonString()}' is not an amount of whole cents");
        }
    }

    public QuickBooksResponseException Bad(string field, string problem) =>
        new($"QuickBooks {entity} {body["Id"]?.ToString() ?? "(no Id)"}: field '{field}' is {problem}.");

    public string RowHash => $"quickbooks:{Id}:{SyncToken}";
}

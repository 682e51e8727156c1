using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Reads one Procore record tolerantly (procore.md section 0): ids as numbers or strings, amounts as numbers or
/// decimal strings ("50000.00"; a percent may carry "%"), dates "YYYY-MM-DD", timestamps ISO 8601. Amounts become
/// INTEGER cents, rounded half away from zero at that one point.
/// </summary>
public sealed class ProcoreJson(string resource, JsonObject body)
{
    public JsonObject Body { get; } = body;

    public string Id => Text("id");

    public string? Updated => Optional("updated_at");

    /// <summary>A digest of the record as Procore sent it: equal digests mean nothing changed.</summary>
    public string RowHash => HashOf(Body.ToJsonString());

    /// <summary>
    /// The digest of a list record under this version of the mapping: a record whose stored rows came from an earlier
    /// mapping (before issue 14 read cost types, G703 lines and change order lines) differs once and is read again.
    /// </summary>
    public static string MappingHash(JsonObject listRecord) => HashOf("mapping-2\n" + listRecord.ToJsonString());

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string Text(string field) =>
        Optional(field) ?? throw new ProcoreResponseException($"Procore {resource} {Body["id"]}: field '{field}' is missing.");

    public string? Optional(string field) => Of(Body, field);

    public static string? Of(JsonNode? node, string field) => node?[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? null : s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>The id inside a nested object ("vendor": {"id": 4431}), or null.</summary>
    public string? Nested(string field, string inner = "id") => Of(Body[field], inner);

    /// <summary>An amount in cents; a missing or null amount is 0 only where <paramref name="required"/> is false.</summary>
    public long Cents(string field, bool required = true) => CentsOf(Body, field) ?? (required
        ? throw new ProcoreResponseException($"Procore {resource} {Body["id"]}: amount '{field}' is missing.")
        : 0);

    public long? OptionalCents(string field) => CentsOf(Body, field);

    public static long? CentsOf(JsonNode? node, string field) => Decimal(node, field) is { } amount
        ? (long)Math.Round(amount * 100m, 0, MidpointRounding.AwayFromZero)
        : null;

    /// <summary>A percent as basis points ("10.0" -> 1000), rounded half away from zero.</summary>
    public int? BasisPoints(string field) => Decimal(Body, field) is { } percent
        ? (int)Math.Round(percent * 100m, 0, MidpointRounding.AwayFromZero)
        : null;

    /// <summary>The date part of a date or timestamp field.</summary>
    public string? Date(string field) => Optional(field) is { Length: >= 10 } text ? text[..10] : null;

    private static decimal? Decimal(JsonNode? node, string field)
    {
        var value = node?[field];
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.TryGetValue<decimal>(out var number))
        {
            return number;
        }

        var text = Of(node, field)?.Trim().TrimEnd('%');
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ProcoreResponseException($"Procore: '{field}' is not an amount ('{text}').");
    }
}

using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Reads a Fault body case-insensitively (<c>Fault</c>/<c>fault</c>, <c>Error</c>/<c>error</c>: the 401 gateway body is
/// lowercase, routablehq/python-quickbooks#250) and falls back to the status when the body is not JSON (qbo.md section 7).
/// </summary>
internal static class QuickBooksFaults
{
    public static QuickBooksFaultException From(int status, JsonObject? body, string text, string? tid)
    {
        var fault = Field(body, "Fault") as JsonObject;
        var error = (Field(fault, "Error") as JsonArray)?.FirstOrDefault() as JsonObject;
        if (error is null)
        {
            var code = status switch { 401 => "3200", 429 => "3001", _ => "http_" + status };
            return new QuickBooksFaultException(status, code, $"HTTP {status}", text.Length > 200 ? text[..200] : text, tid);
        }

        return new QuickBooksFaultException(
            status, Field(error, "code")?.ToString() ?? "", Field(error, "Message")?.ToString() ?? "", Field(error, "Detail")?.ToString() ?? "", tid);
    }

    private static JsonNode? Field(JsonObject? node, string name) =>
        node?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors;

/// <summary>
/// The error of a refused token or revoke request (issues 13 and 14): RFC 6749 section 5.2's `error` and
/// `error_description` when the body is that JSON, else "http_STATUS"; Intuit and Procore may answer with text or HTML.
/// </summary>
public static class OAuthError
{
    public static async Task<(string Error, string Description)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string error = "http_" + (int)response.StatusCode, description = "";
        try
        {
            var body = JsonNode.Parse(text);
            error = body?["error"]?.GetValue<string>() ?? error;
            description = body?["error_description"]?.GetValue<string>() ?? "";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not the RFC's JSON: the status code already says enough.
        }

        return (error, description);
    }
}

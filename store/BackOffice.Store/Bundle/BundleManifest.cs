using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOffice.Store.Bundle;

/// <summary>bundle.json: which format the folder follows and where its data came from.</summary>
public sealed record BundleManifest(
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("tenant")] string? Tenant,
    [property: JsonPropertyName("exported_at")] string? ExportedAt,
    [property: JsonPropertyName("project_system")] string? ProjectSystem,
    [property: JsonPropertyName("ledger_system")] string? LedgerSystem)
{
    public const string FileName = "bundle.json";
    public const string CurrentFormat = "backoffice-bundle/1";

    /// <summary>Reads and checks the manifest; null (with the reason in <paramref name="errors"/>) when it cannot be used.</summary>
    public static async Task<BundleManifest?> ReadAsync(string bundleDirectory, ErrorSink errors, CancellationToken cancellationToken)
    {
        var path = Path.Combine(bundleDirectory, FileName);
        if (!Directory.Exists(bundleDirectory))
        {
            errors.Add(bundleDirectory, null, null, "the bundle folder does not exist");
            return null;
        }

        if (!File.Exists(path))
        {
            errors.Add(FileName, null, null, $"the bundle has no {FileName}; expected {{\"format\":\"{CurrentFormat}\", ...}} at the top of the folder");
            return null;
        }

        BundleManifest? manifest;
        try
        {
            await using var stream = File.OpenRead(path);
            manifest = await JsonSerializer.DeserializeAsync<BundleManifest>(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            errors.Add(FileName, (int?)(e.LineNumber + 1), null, $"expected a JSON object: {e.Message}");
            return null;
        }

        if (manifest?.Format != CurrentFormat)
        {
            errors.Add(FileName, null, "format", $"expected format '{CurrentFormat}', got '{manifest?.Format}'");
            return null;
        }

        if (manifest.ExportedAt is not null && ValueParsers.Date(manifest.ExportedAt).Error is { } dateError)
        {
            errors.Add(FileName, null, "exported_at", dateError);
        }

        return manifest;
    }
}

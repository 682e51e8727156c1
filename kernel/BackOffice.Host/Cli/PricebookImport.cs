using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Domain.Pricebook;
using BackOffice.Store.Pricebook;
using BackOffice.Tools.Pricebook;

using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Cli;

/// <summary>What an import did: the stored file (null when refused), the mapping used, and every bad row.</summary>
public sealed record PriceImportResult(
    StoredPriceFile? File, bool AlreadyImported, PriceFileMapping Mapping, bool MappingSaved, IReadOnlyList<BadPriceRow> BadRows, int GoodLines);

/// <summary>
/// Imports one vendor price file (issue 8): read, map with the vendor's saved mapping (or, the first time, the one
/// header detection suggests, which is then saved), parse, and store. With bad rows nothing is stored unless the
/// person asked for the good rows alone; either way every bad row is reported by number and reason.
/// </summary>
public static class PricebookImport
{
    public static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web);

    public static async Task<PriceImportResult> RunAsync(
        TenantData tenant, string path, string vendor, bool acceptGoodRows, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await PriceFileReader.ReadAsync(path, ct);
        var store = tenant.Pricebook;
        var (mapping, saved) = await MappingAsync(store, vendor, rows, ct);
        var header = PriceFileHeaders.FindHeader(rows.Select(r => r.Cells).ToList(), mapping)
                     ?? throw new CliException($"{Path.GetFileName(path)}: no header row holds the columns of {vendor}'s saved mapping " +
                                               $"({Describe(mapping)}). Check the file, or save a new mapping with `backoffice pricebook mapping`.");
        var parsed = PriceFileParser.Parse(rows, header, mapping);
        if (parsed.BadRows.Count > 0 && !acceptGoodRows)
        {
            return new PriceImportResult(null, false, mapping, false, parsed.BadRows, parsed.Lines.Count);
        }

        var at = now.ToString("O", CultureInfo.InvariantCulture);
        if (!saved)
        {
            await store.SaveMappingAsync(vendor, JsonSerializer.Serialize(mapping, MappingJson), actor, at, ct);
        }

        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(File.OpenRead(path), ct));
        var (file, already) = await tenant.PriceFiles
            .SaveAsync(vendor, Path.GetFileName(path), sha, parsed.Lines, parsed.BadRows.Count, at, actor, ct);
        return new PriceImportResult(file, already, mapping, !saved, parsed.BadRows, parsed.Lines.Count);
    }

    /// <summary>The vendor's saved mapping, or a complete suggestion from the header (false: not saved yet).</summary>
    public static async Task<(PriceFileMapping Mapping, bool Saved)> MappingAsync(
        PricebookStore store, string vendor, IReadOnlyList<RawPriceRow> rows, CancellationToken ct)
    {
        if (await store.MappingJsonAsync(vendor, ct) is { } json)
        {
            return (JsonSerializer.Deserialize<PriceFileMapping>(json, MappingJson)!, true);
        }

        var suggestion = PriceFileHeaders.Suggest(rows.Select(r => r.Cells).ToList());
        return suggestion.Mapping is { } mapping
            ? (mapping, false)
            : throw new CliException($"{vendor} has no saved column mapping and the header does not give one: {string.Join("; ", suggestion.Problems)}. " +
                                     "Save one with `backoffice pricebook mapping FILE --vendor V --set price=... --set unit=... --save`.");
    }

    public static string Describe(PriceFileMapping m) =>
        $"sku='{m.Sku}', description='{m.Description}', unit='{m.Unit ?? "(default " + m.DefaultUnit + ")"}', price='{m.Price}', effective='{m.Effective}'";
}

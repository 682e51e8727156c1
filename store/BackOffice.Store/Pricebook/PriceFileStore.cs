using System.Globalization;
using BackOffice.Domain.Pricebook;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Pricebook;

/// <summary>An imported price file: who sent it, when it came in, how many lines went in and how many rows were refused.</summary>
public sealed record StoredPriceFile(long Id, string Vendor, string FileName, string Sha256, string ImportedAt, long LineCount, long RejectedRows);

/// <summary>Stores imported price files and their lines, and reads back each vendor's latest file (issue 8).</summary>
public sealed class PriceFileStore(TenantData tenant)
{
    /// <summary>Stores a file and its lines in one transaction; the same content from the same vendor is stored once.</summary>
    public async Task<(StoredPriceFile File, bool AlreadyImported)> SaveAsync(
        string vendor, string fileName, string sha256, IReadOnlyList<PriceLine> lines, int rejectedRows, string importedAt, string importedBy,
        CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = unit.Connection;
        var transaction = unit.Transaction!;
        var existing = await connection.QuerySingleOrDefaultAsync<FileRow>(new CommandDefinition(
            Select + " WHERE vendor = @vendor AND sha256 = @sha256", new { vendor, sha256 }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            return (existing.ToRecord(), true);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO pricebook_price_files (vendor, file_name, sha256, imported_at, imported_by, line_count, rejected_rows)
            VALUES (@vendor, @fileName, @sha256, @importedAt, @importedBy, @count, @rejectedRows) RETURNING id
            """,
            new { vendor, fileName, sha256, importedAt, importedBy, count = lines.Count, rejectedRows }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pricebook_price_lines (file_id, row_no, vendor_sku, description, unit, price_e4, effective_date)
            VALUES (@FileId, @Row, @VendorSku, @Description, @Unit, @PriceE4, @Effective)
            """,
            lines.Select(l => new
            {
                FileId = id, l.Row, l.VendorSku, l.Description, l.Unit, PriceE4 = UnitCostE4.ToE4(l.Price),
                Effective = l.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }), transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return (new StoredPriceFile(id, vendor, fileName, sha256, importedAt, lines.Count, rejectedRows), false);
    }

    /// <summary>Each vendor's most recently imported file: newer files supersede older ones.</summary>
    public async Task<IReadOnlyList<StoredPriceFile>> LatestPerVendorAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<FileRow>(new CommandDefinition(
            Select + " WHERE id IN (SELECT MAX(id) FROM pricebook_price_files GROUP BY vendor) ORDER BY vendor", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<PriceLine>> LinesAsync(long fileId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT row_no AS RowNo, vendor_sku AS VendorSku, description AS Description, unit AS Unit, price_e4 AS PriceE4, effective_date AS Effective
            FROM pricebook_price_lines WHERE file_id = @fileId ORDER BY row_no
            """, new { fileId }, cancellationToken: cancellationToken));
        return rows.Select(r => new PriceLine((int)r.RowNo, r.VendorSku, r.Description, r.Unit, UnitCostE4.FromE4(r.PriceE4),
            r.Effective is null ? null : DateOnly.ParseExact(r.Effective, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
    }

    private const string Select =
        "SELECT id AS Id, vendor AS Vendor, file_name AS FileName, sha256 AS Sha256, imported_at AS ImportedAt, line_count AS LineCount, rejected_rows AS RejectedRows FROM pricebook_price_files";

    private sealed class FileRow
    {
        public long Id { get; init; }
        public string Vendor { get; init; } = "";
        public string FileName { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public string ImportedAt { get; init; } = "";
        public long LineCount { get; init; }
        public long RejectedRows { get; init; }

        public StoredPriceFile ToRecord() => new(Id, Vendor, FileName, Sha256, ImportedAt, LineCount, RejectedRows);
    }

    private sealed class LineRow
    {
        public long RowNo { get; init; }
        public string? VendorSku { get; init; }
        public string? Description { get; init; }
        public string Unit { get; init; } = "";
        public long PriceE4 { get; init; }
        public string? Effective { get; init; }
    }
}

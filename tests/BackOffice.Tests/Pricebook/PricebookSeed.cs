using BackOffice.Domain.Pricebook;
using BackOffice.Store.Pricebook;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Pricebook;

/// <summary>Writes a small pricebook, an open and a closed estimate and a budget line straight into SQLite (issue 8 tests).</summary>
public static class PricebookSeed
{
    public static async Task ItemsAsync(TenantData path)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO pricebook_items (id, sku, description, category, unit, unit_cost_e4, sell_price_cents, vendor_name, vendor_sku, row_hash) VALUES
              ('pb-01', 'LUM-2X4-8', '2x4x8 SPF stud', 'Lumber', 'EA', 41250, 619, 'ABC Supply', 'SPF2408', 'x'),
              ('pb-04', 'DRY-58X', '5/8in Type X drywall 4x8', 'Drywall', 'SHT', 179000, 2685, 'ABC Supply', 'GYPX5848', 'x'),
              ('pb-06', 'FAS-16D', '16d sinker nails, 50 lb box', 'Fasteners', 'BOX', 685000, 10275, 'ABC Supply', 'NL16D50', 'x'),
              ('pb-09', NULL, 'Interior latex eggshell white 5 gal', 'Paint', 'PAIL', 1400000, 21000, 'ABC Supply', NULL, 'x'),
              ('pb-10', NULL, 'Interior latex eggshell beige 5 gal', 'Paint', 'PAIL', 1400000, 21000, 'ABC Supply', NULL, 'x');
            INSERT INTO project_jobs (id, number, name, status, row_hash) VALUES ('job-1', '1', 'Smith Kitchen', 'active', 'x'), ('job-2', '2', 'Old Bath', 'closed', 'x');
            INSERT INTO project_cost_codes (code, description, row_hash) VALUES ('06-100', 'Rough carpentry', 'x');
            INSERT INTO project_budget_lines (id, job_id, cost_code, original_cents, approved_changes_cents, row_hash) VALUES
              ('bl-1', 'job-1', '06-100', 500000, 0, 'x'), ('bl-2', 'job-2', '06-100', 500000, 0, 'x');
            INSERT INTO budget_line_materials (budget_line_id, pricebook_item_id, quantity_e4) VALUES ('bl-1', 'pb-01', 2000000), ('bl-2', 'pb-01', 2000000);
            INSERT INTO estimates (id, job_id, name, status, created_date) VALUES
              ('est-1', NULL, 'Garage framing', 'sent', '2026-11-01'), ('est-2', NULL, 'Deck', 'accepted', '2026-10-01');
            INSERT INTO estimate_lines (id, estimate_id, pricebook_item_id, quantity_e4, unit_price_cents) VALUES
              ('el-1', 'est-1', 'pb-01', 1200000, 619), ('el-2', 'est-2', 'pb-01', 1000000, 619);
            """);
    }

    public static async Task<long> PriceFileAsync(TenantData path, string vendor, params PriceLine[] lines)
    {
        var (file, _) = await path.PriceFiles.SaveAsync(vendor, "prices.csv", Guid.NewGuid().ToString("N"), lines, 0,
            "2026-11-20T00:00:00Z", "test", CancellationToken.None);
        return file.Id;
    }

    public static async Task<(long Cost, long? Sell)> PriceOfAsync(TenantData path, string id)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        return await c.QuerySingleAsync<(long, long?)>("SELECT unit_cost_e4, sell_price_cents FROM pricebook_items WHERE id = @id", new { id });
    }
}

using BackOffice.Domain.Money;
using BackOffice.Domain.Pricebook;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Pricebook;

/// <summary>Reads the pricebook and what the pricebook engine remembers: mappings, match decisions, markup rules (issue 8).</summary>
public sealed class PricebookStore(TenantData tenant)
{
    public async Task<IReadOnlyList<PricebookItem>> ItemsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            """
            SELECT id AS Id, sku AS Sku, description AS Description, category AS Category, unit AS Unit, unit_cost_e4 AS UnitCostE4,
                   sell_price_cents AS SellPriceCents, vendor_name AS VendorName, vendor_sku AS VendorSku
            FROM pricebook_items ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new PricebookItem(r.Id, r.Sku, r.Description, r.Category, r.Unit, UnitCostE4.FromE4(r.UnitCostE4),
            Cents.ToDollars(r.SellPriceCents), r.VendorName, r.VendorSku)).ToList();
    }

    public async Task<IReadOnlyList<MarkupRule>> MarkupRulesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
            "SELECT scope AS Scope, scope_key AS ScopeKey, markup_bp AS MarkupBp, min_margin_bp AS MinMarginBp FROM pricebook_markup_rules",
            cancellationToken: cancellationToken));
        return rows.Select(r => new MarkupRule(Enum.Parse<MarkupScope>(r.Scope, ignoreCase: true), r.ScopeKey,
            r.MarkupBp / 100m, r.MinMarginBp / 100m)).ToList();
    }

    public async Task SaveMarkupRuleAsync(MarkupRule rule, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO pricebook_markup_rules (scope, scope_key, markup_bp, min_margin_bp) VALUES (@scope, @key, @markup, @margin)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "scope, scope_key")}) DO UPDATE SET markup_bp = excluded.markup_bp, min_margin_bp = excluded.min_margin_bp
            """,
            new { scope = rule.Scope.ToString().ToLowerInvariant(), key = rule.Key, markup = Bp(rule.MarkupPercent), margin = Bp(rule.MinMarginPercent) },
            transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    /// <summary>Line key -> item id (null: "no pricebook item") for one vendor.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> DecisionsAsync(string vendor, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(string LineKey, string? ItemId)>(new CommandDefinition(
            "SELECT line_key, item_id FROM pricebook_match_decisions WHERE vendor = @vendor", new { vendor }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.LineKey, r => r.ItemId, StringComparer.Ordinal);
    }

    public async Task SaveDecisionAsync(string vendor, string lineKey, string? itemId, string by, string at, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO pricebook_match_decisions (vendor, line_key, item_id, decided_by, decided_at) VALUES (@vendor, @lineKey, @itemId, @by, @at)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "vendor, line_key")}) DO UPDATE SET item_id = excluded.item_id, decided_by = excluded.decided_by, decided_at = excluded.decided_at
            """, new { vendor, lineKey, itemId, by, at }, transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    public async Task<string?> MappingJsonAsync(string vendor, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT mapping_json FROM pricebook_vendor_mappings WHERE vendor = @vendor", new { vendor }, cancellationToken: cancellationToken));
    }

    public async Task SaveMappingAsync(string vendor, string mappingJson, string by, string at, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO pricebook_vendor_mappings (vendor, mapping_json, saved_at, saved_by) VALUES (@vendor, @mappingJson, @at, @by)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "vendor")}) DO UPDATE SET mapping_json = excluded.mapping_json, saved_at = excluded.saved_at, saved_by = excluded.saved_by
            """, new { vendor, mappingJson, by, at }, transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    /// <summary>Lines of estimates still open (draft or sent): what a price change moves.</summary>
    public async Task<IReadOnlyList<EstimateLine>> OpenEstimateLinesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<EstimateLineRow>(new CommandDefinition(
            """
            SELECT e.id AS EstimateId, e.name AS EstimateName, l.id AS LineId, l.pricebook_item_id AS ItemId, l.quantity_e4 AS QuantityE4,
                   l.unit_price_cents AS UnitPriceCents
            FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id WHERE e.status IN ('draft', 'sent') ORDER BY e.id, l.id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new EstimateLine(r.EstimateId, r.EstimateName, r.LineId, r.ItemId, r.QuantityE4 / 10_000m, Cents.ToDollars(r.UnitPriceCents))).ToList();
    }

    /// <summary>Planned materials on budget lines of jobs that are not closed.</summary>
    public async Task<IReadOnlyList<BudgetMaterial>> OpenBudgetMaterialsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<BudgetMaterialRow>(new CommandDefinition(
            """
            SELECT b.id AS BudgetLineId, b.job_id AS JobId, b.cost_code AS CostCode, m.pricebook_item_id AS ItemId, m.quantity_e4 AS QuantityE4
            FROM budget_line_materials m JOIN project_budget_lines b ON b.id = m.budget_line_id JOIN project_jobs j ON j.id = b.job_id
            WHERE j.status <> 'closed' ORDER BY b.id, m.pricebook_item_id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new BudgetMaterial(r.BudgetLineId, r.JobId, r.CostCode, r.ItemId, r.QuantityE4 / 10_000m)).ToList();
    }

    private static long? Bp(decimal? percent) => percent is null ? null : (long)decimal.Round(percent.Value * 100m, 0, MidpointRounding.AwayFromZero);

    private sealed class ItemRow
    {
        public string Id { get; init; } = "";
        public string? Sku { get; init; }
        public string Description { get; init; } = "";
        public string? Category { get; init; }
        public string Unit { get; init; } = "";
        public long UnitCostE4 { get; init; }
        public long? SellPriceCents { get; init; }
        public string? VendorName { get; init; }
        public string? VendorSku { get; init; }
    }

    private sealed class RuleRow
    {
        public string Scope { get; init; } = "";
        public string ScopeKey { get; init; } = "";
        public long? MarkupBp { get; init; }
        public long? MinMarginBp { get; init; }
    }

    private sealed class EstimateLineRow
    {
        public string EstimateId { get; init; } = "";
        public string EstimateName { get; init; } = "";
        public string LineId { get; init; } = "";
        public string ItemId { get; init; } = "";
        public long QuantityE4 { get; init; }
        public long UnitPriceCents { get; init; }
    }

    private sealed class BudgetMaterialRow
    {
        public string BudgetLineId { get; init; } = "";
        public string JobId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public string ItemId { get; init; } = "";
        public long QuantityE4 { get; init; }
    }
}

using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>Reads the project side's money records that the Financial agent reconciles (issue 3).</summary>
public sealed class ProjectFinancialStore(TenantData tenant)
{
    /// <summary>The jobs' contracts, from the one reader of project_jobs (issue 12).</summary>
    public Task<IReadOnlyList<JobContract>> ContractsAsync(CancellationToken cancellationToken) => tenant.Project.ContractsAsync(cancellationToken);

    public async Task<IReadOnlyList<BudgetLine>> BudgetLinesAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<BudgetRow>(
            """
            SELECT id AS Id, job_id AS JobId, cost_code AS CostCode, original_cents AS OriginalCents,
                   approved_changes_cents AS ApprovedChangesCents, pm_estimate_at_completion_cents AS PmCents
            FROM project_budget_lines ORDER BY job_id, cost_code, id
            """, cancellationToken);
        return rows.Select(r => new BudgetLine(r.Id, r.JobId, r.CostCode, Cents.ToDollars(r.OriginalCents), Cents.ToDollars(r.ApprovedChangesCents),
            Cents.ToDollars(r.PmCents))).ToList();
    }

    /// <summary>Issue 16: every job's time-phased budget rows (project_budget_spreads), by job and period.</summary>
    public async Task<IReadOnlyList<BudgetSpread>> BudgetSpreadsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<BudgetSpreadRow>(
            """
            SELECT id AS Id, job_id AS JobId, cost_code AS CostCode, period_start AS PeriodStart, period_end AS PeriodEnd, amount_cents AS AmountCents
            FROM project_budget_spreads ORDER BY job_id, period_start, id
            """, cancellationToken);
        return rows.Select(r => new BudgetSpread(r.Id, r.JobId, r.CostCode, StoreDates.Parse(r.PeriodStart), StoreDates.Parse(r.PeriodEnd),
            Cents.ToDollars(r.AmountCents))).ToList();
    }

    public async Task<IReadOnlyList<CommitmentLine>> CommitmentLinesAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<CommitmentLineRow>(
            "SELECT id AS Id, commitment_id AS CommitmentId, cost_code AS CostCode, amount_cents AS AmountCents FROM project_commitment_lines ORDER BY id",
            cancellationToken);
        return rows.Select(r => new CommitmentLine(r.Id, r.CommitmentId, r.CostCode, Cents.ToDollars(r.AmountCents))).ToList();
    }

    public async Task<IReadOnlyList<ChangeOrder>> ChangeOrdersAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<ChangeOrderRow>(
            """
            SELECT id AS Id, job_id AS JobId, kind AS Kind, commitment_id AS CommitmentId, number AS Number, status AS Status,
                   amount_cents AS AmountCents, cost_code AS CostCode, approved_date AS ApprovedDate
            FROM project_change_orders ORDER BY id
            """, cancellationToken);
        // Issue 14: a change order's lines by cost code, where its source lists them (Procore change order packages).
        var lines = (await QueryAsync<ChangeOrderLineRow>(
            "SELECT change_order_id AS ChangeOrderId, cost_code AS CostCode, amount_cents AS AmountCents FROM project_change_order_lines ORDER BY change_order_id, id",
            cancellationToken)).ToLookup(l => l.ChangeOrderId, StringComparer.Ordinal);
        return rows.Select(r => new ChangeOrder(r.Id, r.JobId, r.Kind, r.CommitmentId, r.Number, r.Status, Cents.ToDollars(r.AmountCents),
            r.CostCode, StoreDates.ParseOrNull(r.ApprovedDate),
            lines.Contains(r.Id) ? lines[r.Id].Select(l => new ChangeOrderLine(l.CostCode, Cents.ToDollars(l.AmountCents))).ToList() : null)).ToList();
    }

    public async Task<IReadOnlyList<PayApp>> PayAppsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PayAppRow>(
            """
            SELECT id AS Id, job_id AS JobId, number AS Number, period_end AS PeriodEnd, work_completed_to_date_cents AS WorkCents,
                   stored_materials_cents AS StoredCents, retainage_held_to_date_cents AS RetainageCents, amount_due_cents AS DueCents, status AS Status
            FROM project_pay_apps ORDER BY job_id, period_end, id
            """, cancellationToken);
        return rows.Select(r => new PayApp(r.Id, r.JobId, r.Number, StoreDates.Parse(r.PeriodEnd), Cents.ToDollars(r.WorkCents),
            Cents.ToDollars(r.StoredCents), Cents.ToDollars(r.RetainageCents), Cents.ToDollars(r.DueCents), r.Status)).ToList();
    }

    /// <summary>Issue 14: the cost-coded lines of approved direct costs dated on or before the date (void, draft and pending ones are no cost).</summary>
    public async Task<IReadOnlyList<DirectCostLine>> DirectCostLinesAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<DirectCostRow>(
            $"""
            SELECT d.id AS Id, d.job_id AS JobId, d.vendor_name AS VendorName, d.invoice_number AS InvoiceNumber, d.amount_cents AS TotalCents,
                   l.cost_code AS CostCode, l.amount_cents AS AmountCents
            FROM project_direct_cost_lines l JOIN project_direct_costs d ON d.id = l.direct_cost_id
            WHERE d.status = 'approved' AND d.cost_date <= '{asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}' ORDER BY d.id, l.id
            """, cancellationToken);
        return rows.Select(r => new DirectCostLine(r.Id, r.JobId, r.VendorName, r.InvoiceNumber, Cents.ToDollars(r.TotalCents), r.CostCode,
            Cents.ToDollars(r.AmountCents))).ToList();
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class BudgetRow
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public long OriginalCents { get; init; }
        public long ApprovedChangesCents { get; init; }
        public long? PmCents { get; init; }
    }

    private sealed class CommitmentLineRow
    {
        public string Id { get; init; } = "";
        public string CommitmentId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class ChangeOrderRow
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? CommitmentId { get; init; }
        public string Number { get; init; } = "";
        public string Status { get; init; } = "";
        public long AmountCents { get; init; }
        public string? CostCode { get; init; }
        public string? ApprovedDate { get; init; }
    }

    private sealed class ChangeOrderLineRow
    {
        public string ChangeOrderId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class PayAppRow
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string Number { get; init; } = "";
        public string PeriodEnd { get; init; } = "";
        public long WorkCents { get; init; }
        public long StoredCents { get; init; }
        public long RetainageCents { get; init; }
        public long DueCents { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed class DirectCostRow
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string? VendorName { get; init; }
        public string? InvoiceNumber { get; init; }
        public long TotalCents { get; init; }
        public string CostCode { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class BudgetSpreadRow
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string? CostCode { get; init; }
        public string PeriodStart { get; init; } = "";
        public string PeriodEnd { get; init; } = "";
        public long AmountCents { get; init; }
    }
}

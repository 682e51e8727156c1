using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Financial;

/// <summary>
/// Reads the G703 lines of owner pay applications (project_pay_app_lines) and the retainage terms that apply to each
/// pay application (issue 16). Percents are stored in basis points.
/// </summary>
public sealed class PayAppSheetStore(TenantData tenant)
{
    public async Task<IReadOnlyList<PayAppLine>> LinesAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<LineRow>(
            """
            SELECT l.id AS Id, l.pay_app_id AS PayAppId, l.cost_code AS CostCode, COALESCE(l.description, c.description, l.cost_code) AS Description,
                   l.scheduled_value_cents AS ScheduledCents, l.completed_to_date_cents AS WorkCents, l.stored_materials_cents AS StoredCents
            FROM project_pay_app_lines l LEFT JOIN project_cost_codes c ON c.code = l.cost_code
            ORDER BY l.pay_app_id, l.cost_code, l.id
            """, cancellationToken);
        return rows.Select(r => new PayAppLine(r.Id, r.PayAppId, r.CostCode, r.Description, Cents.ToDollars(r.ScheduledCents),
            Cents.ToDollars(r.WorkCents), Cents.ToDollars(r.StoredCents))).ToList();
    }

    public async Task<IReadOnlyList<PayAppRetainageTerms>> RetainageTermsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<TermsRow>(
            """
            SELECT p.id AS PayAppId, p.job_id AS JobId, p.retainage_bp AS WorkBp, p.stored_retainage_bp AS StoredBp, j.retainage_bp AS JobBp
            FROM project_pay_apps p JOIN project_jobs j ON j.id = p.job_id ORDER BY p.id
            """, cancellationToken);
        return rows.Select(r => new PayAppRetainageTerms(r.PayAppId, r.JobId, Percent(r.WorkBp), Percent(r.StoredBp), Percent(r.JobBp))).ToList();
    }

    private static decimal? Percent(long? basisPoints) => basisPoints is { } bp ? bp / 100m : null;

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class LineRow
    {
        public string Id { get; init; } = "";
        public string PayAppId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public string Description { get; init; } = "";
        public long ScheduledCents { get; init; }
        public long WorkCents { get; init; }
        public long StoredCents { get; init; }
    }

    private sealed class TermsRow
    {
        public string PayAppId { get; init; } = "";
        public string JobId { get; init; } = "";
        public long? WorkBp { get; init; }
        public long? StoredBp { get; init; }
        public long? JobBp { get; init; }
    }
}

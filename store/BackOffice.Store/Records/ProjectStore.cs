using System.Globalization;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Collections;
using BackOffice.Store.Financial;
using BackOffice.Domain.Project;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Records;

/// <summary>Reads the project side (Procore / Buildertrend) of a tenant's data.</summary>
public sealed class ProjectStore(TenantData tenant)
{
    public async Task<IReadOnlyList<ProjectJob>> JobsAsync(CancellationToken cancellationToken) =>
        (await JobRowsAsync(cancellationToken)).Select(r => new ProjectJob(r.Id, r.Number, r.Name, r.Status, r.CustomerName)).ToList();

    /// <summary>Each job's original contract value and completion date (issue 3's WIP schedule).</summary>
    public async Task<IReadOnlyList<JobContract>> ContractsAsync(CancellationToken cancellationToken) =>
        (await JobRowsAsync(cancellationToken)).Select(r => new JobContract(
            r.Id, r.Name, r.Status, Cents.ToDollars(r.ContractCents ?? 0), StoreDates.ParseOrNull(r.CompletionDate))
        {
            StartDate = StoreDates.ParseOrNull(r.StartDate),
        }).ToList();

    /// <summary>Each job's substantial completion date, for the retainage release follow-up (issue 5).</summary>
    public async Task<IReadOnlyList<JobCompletion>> JobCompletionsAsync(CancellationToken cancellationToken) =>
        (await JobRowsAsync(cancellationToken)).Select(r => new JobCompletion(r.Id, r.Name, r.CustomerName, StoreDates.ParseOrNull(r.CompletionDate))).ToList();

    /// <summary>The cost codes (code, description), for importers that must add only the codes not yet stored (issue 14).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CostCodesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(string Code, string Description)>(new CommandDefinition(
            "SELECT code, description FROM project_cost_codes", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code, r => r.Description, StringComparer.Ordinal);
    }

    // Issue 12: the one reader of project_jobs; the Financial and Collections views above are projections of it.
    private async Task<IReadOnlyList<JobRow>> JobRowsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<JobRow>(new CommandDefinition(
            """
            SELECT id AS Id, number AS Number, name AS Name, status AS Status, customer_name AS CustomerName,
                   contract_cents AS ContractCents, substantial_completion_date AS CompletionDate, start_date AS StartDate
            FROM project_jobs ORDER BY id
            """, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>One job's name, or null when there is no such job.</summary>
    public async Task<string?> JobNameAsync(string id, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT name FROM project_jobs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>One vendor's name, or null when there is no such vendor.</summary>
    public async Task<string?> VendorNameAsync(string id, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT name FROM project_vendors WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ProjectVendor>> VendorsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<NamedRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name FROM project_vendors ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => new ProjectVendor(r.Id, r.Name)).ToList();
    }

    public async Task<IReadOnlyList<Commitment>> CommitmentsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<CommitmentRow>(new CommandDefinition(
            """
            SELECT id AS Id, job_id AS JobId, vendor_id AS VendorId, number AS Number, title AS Title, kind AS Kind,
                   status AS Status, retainage_bp AS RetainageBp
            FROM project_commitments ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new Commitment(r.Id, r.JobId, r.VendorId, r.Number, r.Title, r.Kind, r.Status, r.RetainageBp / 100m)).ToList();
    }

    public async Task<IReadOnlyList<SubInvoice>> SubInvoicesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var lines = (await connection.QueryAsync<SubInvoiceLineRow>(new CommandDefinition(
            """
            SELECT id AS Id, sub_invoice_id AS SubInvoiceId, cost_code AS CostCode, description AS Description, amount_cents AS AmountCents
            FROM project_sub_invoice_lines ORDER BY sub_invoice_id, id
            """, cancellationToken: cancellationToken))).ToLookup(l => l.SubInvoiceId);
        var rows = await connection.QueryAsync<SubInvoiceRow>(new CommandDefinition(
            """
            SELECT id AS Id, commitment_id AS CommitmentId, number AS Number, invoice_date AS InvoiceDate,
                   amount_cents AS AmountCents, retainage_cents AS RetainageCents, status AS Status
            FROM project_sub_invoices ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new SubInvoice(
                r.Id, r.CommitmentId, r.Number, DateOnly.ParseExact(r.InvoiceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Cents.ToDollars(r.AmountCents), Cents.ToDollars(r.RetainageCents), r.Status,
                lines[r.Id].Select(l => new SubInvoiceLine(l.Id, l.CostCode, l.Description, Cents.ToDollars(l.AmountCents))).ToList()))
            .ToList();
    }

    private sealed class NamedRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
    }

    private sealed class JobRow
    {
        public string Id { get; init; } = "";
        public string? Number { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public string? CustomerName { get; init; }
        public long? ContractCents { get; init; }
        public string? CompletionDate { get; init; }
        public string? StartDate { get; init; }
    }

    private sealed class CommitmentRow
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string VendorId { get; init; } = "";
        public string Number { get; init; } = "";
        public string? Title { get; init; }
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public long RetainageBp { get; init; }
    }

    private sealed class SubInvoiceRow
    {
        public string Id { get; init; } = "";
        public string CommitmentId { get; init; } = "";
        public string Number { get; init; } = "";
        public string InvoiceDate { get; init; } = "";
        public long AmountCents { get; init; }
        public long RetainageCents { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed class SubInvoiceLineRow
    {
        public string Id { get; init; } = "";
        public string SubInvoiceId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public string? Description { get; init; }
        public long AmountCents { get; init; }
    }
}

using BackOffice.Domain.Ledger;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>A confirmed link as stored, so that undo can put back exactly what was there.</summary>
public sealed record ConfirmedLink(string Kind, string ProjectId, string LedgerId, long ProposalId, string ConfirmedAt);

/// <summary>Links a person confirmed through the gate (0700_financial_links.sql, issue 3).</summary>
public sealed class ConfirmedLinkStore(TenantData tenant)
{
    public async Task<IReadOnlyList<CrossSystemLink>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(
            "SELECT kind AS Kind, project_id AS ProjectId, ledger_id AS LedgerId, proposal_id AS ProposalId, confirmed_at AS ConfirmedAt FROM financial_links ORDER BY kind, project_id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new CrossSystemLink(r.Kind, r.ProjectId, r.LedgerId)).ToList();
    }

    public async Task<ConfirmedLink?> GetAsync(string kind, string projectId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
            """
            SELECT kind AS Kind, project_id AS ProjectId, ledger_id AS LedgerId, proposal_id AS ProposalId, confirmed_at AS ConfirmedAt
            FROM financial_links WHERE kind = @kind AND project_id = @projectId
            """, new { kind, projectId }, cancellationToken: cancellationToken));
        return row is null ? null : new ConfirmedLink(row.Kind, row.ProjectId, row.LedgerId, row.ProposalId, row.ConfirmedAt);
    }

    /// <summary>Writes the link, replacing any earlier one for the same project record: running it twice changes nothing more.</summary>
    public async Task PutAsync(ConfirmedLink link, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO financial_links (kind, project_id, ledger_id, proposal_id, confirmed_at) VALUES (@Kind, @ProjectId, @LedgerId, @ProposalId, @ConfirmedAt)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "kind, project_id")}) DO UPDATE SET ledger_id = excluded.ledger_id, proposal_id = excluded.proposal_id, confirmed_at = excluded.confirmed_at
            """, link, transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string kind, string projectId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM financial_links WHERE kind = @kind AND project_id = @projectId", new { kind, projectId }, transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    private sealed class LinkRow
    {
        public string Kind { get; init; } = "";
        public string ProjectId { get; init; } = "";
        public string LedgerId { get; init; } = "";
        public long ProposalId { get; init; }
        public string ConfirmedAt { get; init; } = "";
    }
}

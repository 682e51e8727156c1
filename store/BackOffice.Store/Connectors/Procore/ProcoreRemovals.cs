using BackOffice.Store.Tenancy;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// What happens to our row when Procore no longer has the record (issue 14): a row others refer to is closed
/// (<see cref="Close"/>: a job closed, a commitment, change order, sub invoice or direct cost void), a leaf row is
/// deleted with its <see cref="Children"/>. <see cref="Scope"/> limits an "absent from the list" pass to the rows that
/// list covers (@job, @parent); <see cref="JournalKind"/> and <see cref="JournalColumn"/> name the change journal entry.
/// </summary>
internal sealed record ProcoreRemoval(
    string Table, string Prefix, string Scope, string? Close, string JournalKind, string JournalColumn = "id", (string Table, string Column)? Children = null)
{
    /// <summary>The removal for the rows a list of <paramref name="kind"/> fills, or null where nothing is removed (vendors, cost codes).</summary>
    public static ProcoreRemoval? For(string kind) => kind switch
    {
        "projects" => new("project_jobs", "pc-prj-", "1 = 1", "status = 'closed'", "job"),
        "detail_rows" => new("project_budget_lines", "pc-bud-", "job_id = @job", null, "project_budget_lines"),
        "work_order_contracts" => new("project_commitments", "pc-cmt-", "job_id = @job AND kind = 'subcontract'", "status = 'void'", "project_commitments"),
        "purchase_order_contracts" => new("project_commitments", "pc-cmt-", "job_id = @job AND kind = 'purchase_order'", "status = 'void'", "project_commitments"),
        "line_items" => new("project_commitment_lines", "pc-cml-", "commitment_id = @parent", null, "project_commitments", "commitment_id"),
        "commitment_change_orders" => new("project_change_orders", "pc-cco-", "job_id = @job AND kind = 'commitment'", "status = 'void'", "project_change_orders"),
        "prime_change_orders" => new("project_change_orders", "pc-pco-", "job_id = @job AND kind = 'prime'", "status = 'void'", "project_change_orders"),
        "payment_applications" => new("project_pay_apps", "pc-pa-", "job_id = @job", null, "project_pay_apps",
            Children: ("project_pay_app_lines", "pay_app_id")),
        "requisitions" => new("project_sub_invoices", "pc-req-", "commitment_id IN (SELECT id FROM project_commitments WHERE job_id = @job)",
            "status = 'void'", "project_sub_invoices"),
        "direct_costs" => new("project_direct_costs", "pc-dc-", "job_id = @job", "status = 'void'", "project_direct_costs"),
        "direct_cost_lines" => new("project_direct_cost_lines", "pc-dcl-", "direct_cost_id IN (SELECT id FROM project_direct_costs WHERE job_id = @job)",
            null, "project_direct_costs", "direct_cost_id"),
        "tasks" => new("project_schedule_tasks", ProcoreScheduleRows.Prefix, "job_id = @job", null, "project_schedule_tasks"),
        _ => null,
    };

    /// <summary>
    /// Closes or deletes the Procore rows that <paramref name="where"/> selects (never a row of another origin) and
    /// journals each, with the job when one is named; answers how many rows it closed or deleted.
    /// </summary>
    public async Task<int> ApplyAsync(DbConnection c, DbTransaction t, string where, object parameters, string? job, DateTimeOffset now, CancellationToken ct)
    {
        var selected = $"origin = 'procore' AND {where}";
        if (Children is { } children)
        {
            await c.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {children.Table} WHERE origin = 'procore' AND {children.Column} IN (SELECT id FROM {Table} WHERE {selected})", parameters, t, cancellationToken: ct));
        }

        // A closed row's digest is no digest Procore's record can have: should the record come back, it is written again.
        var sql = Close is null
            ? $"DELETE FROM {Table} WHERE {selected} RETURNING {JournalColumn}"
            : $"UPDATE {Table} SET {Close}, row_hash = 'deleted in Procore' WHERE {selected} AND row_hash <> 'deleted in Procore' RETURNING {JournalColumn}";
        var keys = (await c.QueryAsync<string>(new CommandDefinition(sql, parameters, t, cancellationToken: ct))).ToList();
        if (keys.Count > 0)
        {
            var entities = keys.Select(k => new ChangedEntity(JournalKind, k, Table)).ToList();
            if (job is not null)
            {
                entities.Add(new ChangedEntity("job", job, Table));
            }

            await ChangeJournalStore.RecordAsync(entities, "procore:delete", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), c, t, ct);
        }

        return keys.Count;
    }

    /// <summary>The parameters of an "absent from the list" pass: the list's job and parent, and our ids of what it listed.</summary>
    public static object Absent(string? job, string? parent, IEnumerable<string> listed) =>
        new { job, parent, listed = JsonSerializer.Serialize(listed) };

    public string AbsentWhere(System.Data.Common.DbConnection connection) => $"{Scope} AND NOT {StoreSql.InJson(connection, "id", "@listed")}";
}

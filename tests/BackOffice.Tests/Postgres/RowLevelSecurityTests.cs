using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Dapper;
using Npgsql;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18's matrix: tenant "alpha" has a row in every table and view of the tenant schema; every other way of
/// asking (another tenant, the owner role, an empty or a missing tenant setting, a pooled connection that just served
/// alpha) sees 0 of them. Alpha itself sees its rows, so the matrix can fail.
/// </summary>
public sealed class RowLevelSecurityTests : IAsyncLifetime
{
    /// <summary>
    /// Rows written by hand where a generated row would break a rule; every other table of the tenant schema gets a
    /// generated row (<see cref="GeneratedSeedAsync"/>), so a table a new migration adds is in the matrix by itself.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Seeds = new Dictionary<string, string>
    {
        // The first counted write creates the tenant's counter row (1955's trigger); seeded first, later writes bump it.
        ["sweep_inputs"] = "INSERT INTO sweep_inputs (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING",
        ["audit_events"] = "INSERT INTO audit_events (seq, at, actor, kind, subject, data_json, prev_hash, hash) VALUES (1, 't', 'a', 'k', 's', '{}', 'p', 'h')",
        ["proposals"] = """
            INSERT INTO proposals (id, agent, action_kind, title, risk, idempotency_key, payload_json, figures_json, narrative,
                editable_fields_json, reversible, state, proposed_by, proposed_at)
            VALUES (9001, 'financial', 'k', 't', 'money', 'key-1', '{}', '[]', 'n', '[]', true, 'proposed', 'a', 't')
            """,
        ["proposal_executions"] = "INSERT INTO proposal_executions (proposal_id, idempotency_key, prior_state_json, started_at, started_by) VALUES (9001, 'key-1', '{}', 't', 'a')",
        ["gate_settings"] = "INSERT INTO gate_settings (key, value, updated_by, updated_at) VALUES ('master_writes', 'on', 'a', 't')",
        ["agent_settings"] = "INSERT INTO agent_settings (agent, updated_by, updated_at) VALUES ('financial', 'a', 't')",
        ["collections_promises"] = "INSERT INTO collections_promises (id, invoice_id, amount_cents, promised_date, recorded_on, created_at) VALUES ('p-1', 'i-1', 100, 'd', 'd', 't')",
        ["collections_disputes"] = "INSERT INTO collections_disputes (invoice_id, reason, opened_on) VALUES ('i-1', 'r', 'd')",
        ["collections_outbox"] = "INSERT INTO collections_outbox (idempotency_key, channel, recipient, body, state, queued_at, deliver_after) VALUES ('o-1', 'email', 'r', 'b', 'queued', 't', 't')",
        ["event_inbox"] = "INSERT INTO event_inbox (source, event_id, entity, agent, payload_json, received_at) VALUES ('s', 'e-1', 'Bill', 'financial', '{}', 't')",
    };

    private readonly TempDataDirectory _directory = new();
    private readonly List<string> _seeded = [];
    private PostgresDatabase? _db;

    public async Task InitializeAsync()
    {
        if (!PostgresServer.Available)
        {
            return;
        }

        _db = await PostgresDatabase.CreateAsync();
        var source = new TenantDataSource(_directory.Data, TimeProvider.System, _db.Engine());
        await using var unit = await source.For("alpha").WriteAsync(CancellationToken.None);
        foreach (var (table, seed) in Seeds)
        {
            await unit.Connection.ExecuteAsync(seed, transaction: unit.Transaction);
            _seeded.Add(table);
        }

        foreach (var table in (await RelationsAsync()).Except(Seeds.Keys))
        {
            await unit.Connection.ExecuteAsync(await GeneratedSeedAsync(table), transaction: unit.Transaction);
            _seeded.Add(table);
        }

        // Foreign keys are deferred (issue 18): generated rows name the same 'x' and 1 keys, so parents match at commit.
        await unit.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// One row for <paramref name="table"/>: every required column gets 'x' or 1 (or the first value its CHECK ... IN
    /// list allows), identity columns included, so a child's key names the generated parent's.
    /// </summary>
    private async Task<string> GeneratedSeedAsync(string table)
    {
        await using var owner = await _db!.OpenAsync(owner: true);
        var columns = await owner.QueryAsync<(string Name, string Type)>(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'tenant' AND table_name = @table AND column_name <> 'tenant_id'
              AND is_nullable = 'NO' AND (column_default IS NULL OR is_identity = 'YES')
            """, new { table });
        var checks = string.Join(" ", await owner.QueryAsync<string>(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ('tenant.' || @table)::regclass AND contype = 'c'", new { table }));
        var values = columns.Select(c => c.Type switch
        {
            "bigint" or "integer" or "double precision" => "1",
            "bytea" => "'\\x00'::bytea",
            "boolean" => "true",
            _ => System.Text.RegularExpressions.Regex.Match(checks, $@"\({c.Name} = ANY \(ARRAY\['([^']*)'") is { Success: true } m
                ? $"'{m.Groups[1].Value}'" : "'x'",
        });
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", values)})";
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _directory.Dispose();
    }

    [PostgresFact]
    public async Task Matrix_EveryTableAndView_ShowsAlphaOnlyToAlpha()
    {
        var failures = new List<string>();
        foreach (var relation in await RelationsAsync())
        {
            var seen = new Dictionary<string, long>
            {
                ["alpha itself"] = await CountAsync(relation, owner: false, tenant: "alpha"),
                ["another tenant"] = await CountAsync(relation, owner: false, tenant: "beta"),
                ["owner role as another tenant"] = await CountAsync(relation, owner: true, tenant: "beta"),
                ["owner role, no tenant"] = await CountAsync(relation, owner: true, tenant: null),
                ["empty tenant setting"] = await CountAsync(relation, owner: false, tenant: ""),
                ["missing tenant setting"] = await CountAsync(relation, owner: false, tenant: null),
                ["pooled connection after alpha"] = await PooledAfterAlphaAsync(relation),
            };
            failures.AddRange(seen.Where(s => s.Key == "alpha itself" ? s.Value == 0 : s.Value != 0)
                .Select(s => $"{relation}: {s.Key} sees {s.Value} rows"));
        }

        Assert.Empty(failures);
    }

    [PostgresFact]
    public async Task Coverage_EveryTableAndViewOfTheTenantSchema_IsSeeded()
    {
        Assert.Equal((await RelationsAsync()).Order(StringComparer.Ordinal), _seeded.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task Schema_EveryTenantTable_HasRowSecurityEnabledForcedAndAPolicy_AndViewsAreSecurityInvoker()
    {
        await using var owner = await _db!.OpenAsync(owner: true);
        var loose = await owner.QueryAsync<string>(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'tenant' AND (
                (c.relkind = 'r' AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                    OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
                    OR NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')))
                OR (c.relkind = 'v' AND NOT COALESCE(c.reloptions @> ARRAY['security_invoker=true'], false)))
            """);
        Assert.Empty(loose);
    }

    [PostgresFact]
    public async Task ApplicationRole_NeitherOwnsNorBypasses_AndCannotWriteAnotherTenantsRow()
    {
        await using var app = await _db!.OpenAsync(owner: false);
        var role = await app.QuerySingleAsync<(bool Super, bool Bypass)>(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
        var owned = await app.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'tenant' AND pg_get_userbyid(c.relowner) = current_user");
        await using var tx = await app.BeginTransactionAsync();
        await app.ExecuteAsync("SELECT set_config('backoffice.tenant_id', 'beta', true)", transaction: tx);
        var forged = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync(
            "INSERT INTO tenant.gate_settings (tenant_id, key, value, updated_by, updated_at) VALUES ('alpha', 'x', 'on', 'a', 't')", transaction: tx));

        Assert.Equal((false, false, 0L), (role.Super, role.Bypass, owned));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, forged.SqlState);
    }

    private async Task<IReadOnlyList<string>> RelationsAsync()
    {
        await using var owner = await _db!.OpenAsync(owner: true);
        return (await owner.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tenant' ORDER BY table_name")).AsList();
    }

    /// <summary>Rows of alpha visible; tenant null leaves the setting unset, "" sets it empty.</summary>
    private async Task<long> CountAsync(string relation, bool owner, string? tenant)
    {
        await using var connection = await _db!.OpenAsync(owner);
        await using var tx = await connection.BeginTransactionAsync();
        if (tenant is not null)
        {
            await connection.ExecuteAsync("SELECT set_config('backoffice.tenant_id', @tenant, true)", new { tenant }, tx);
        }

        // The owner would see every tenant without the policy; counting alpha's rows makes "another tenant" explicit.
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM tenant.{relation} WHERE tenant_id = 'alpha'", transaction: tx);
    }

    /// <summary>One pooled physical connection serves alpha's transaction, then a caller that sets no tenant.</summary>
    private async Task<long> PooledAfterAlphaAsync(string relation)
    {
        var builder = new NpgsqlConnectionStringBuilder(_db!.Options.PostgresConnectionString) { MaxPoolSize = 1, MinPoolSize = 1 };
        await using var pool = NpgsqlDataSource.Create(builder.ConnectionString);
        int firstPid;
        await using (var first = await pool.OpenConnectionAsync())
        {
            await using var tx = await first.BeginTransactionAsync();
            await first.ExecuteAsync("SELECT set_config('backoffice.tenant_id', 'alpha', true)", transaction: tx);
            firstPid = await first.ExecuteScalarAsync<int>("SELECT pg_backend_pid()", transaction: tx);
            Assert.True(await first.ExecuteScalarAsync<long>($"SELECT count(*) FROM tenant.{relation}", transaction: tx) > 0);
            await tx.CommitAsync();
        }

        await using var second = await pool.OpenConnectionAsync();
        Assert.Equal(firstPid, await second.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
        return await second.ExecuteScalarAsync<long>($"SELECT count(*) FROM tenant.{relation}");
    }
}

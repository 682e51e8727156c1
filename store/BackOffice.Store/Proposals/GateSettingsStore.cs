using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Proposals;

/// <summary>The master write switch and per-agent settings. An absent row means off and advisory (DESIGN.md rule 2).</summary>
public static class GateSettingsStore
{
    private const string MasterKey = "master_writes";

    public static async Task<bool> GetMasterAsync(DataUnit unit, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM gate_settings WHERE key = @MasterKey", new { MasterKey }, unit.Transaction, cancellationToken: cancellationToken)) == "on";

    public static Task SetMasterAsync(
        DataUnit unit, bool on, string by, string at, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO gate_settings (key, value, updated_by, updated_at) VALUES (@MasterKey, @value, @by, @at)
            ON CONFLICT ({unit.ConflictOn("key")}) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            new { MasterKey, value = on ? "on" : "off", by, at }, unit.Transaction, cancellationToken: cancellationToken));

    public static async Task<AgentSettingsRow> GetAgentAsync(
        DataUnit unit, string agent, CancellationToken cancellationToken) =>
        await unit.Connection.QuerySingleOrDefaultAsync<AgentSettingsRow>(new CommandDefinition(
            "SELECT agent AS Agent, writes_enabled AS WritesEnabled, mode AS Mode FROM agent_settings WHERE agent = @agent",
            new { agent }, unit.Transaction, cancellationToken: cancellationToken))
        ?? new AgentSettingsRow { Agent = agent };

    public static Task SetAgentAsync(
        DataUnit unit, AgentSettingsRow settings, string by, string at,
        CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO agent_settings (agent, writes_enabled, mode, updated_by, updated_at) VALUES (@Agent, @WritesEnabled, @Mode, @by, @at)
            ON CONFLICT ({unit.ConflictOn("agent")}) DO UPDATE SET writes_enabled = excluded.writes_enabled, mode = excluded.mode,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            new { settings.Agent, settings.WritesEnabled, settings.Mode, by, at }, unit.Transaction, cancellationToken: cancellationToken));
}

public sealed class AgentSettingsRow
{
    public string Agent { get; init; } = "";
    public long WritesEnabled { get; init; }
    public string Mode { get; init; } = "advisory";
}

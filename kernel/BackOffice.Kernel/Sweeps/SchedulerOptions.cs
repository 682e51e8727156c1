using Quartz;

namespace BackOffice.Kernel.Sweeps;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>How often `serve` looks for due sweeps.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Attempts of one scheduled sweep before it is reported as failed and left for the next scheduled time.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    public int FirstRetrySeconds { get; set; } = 30;

    /// <summary>
    /// On PostgreSQL (issue 18): how often each host checks in to Quartz's cluster, and how late a check-in may be before
    /// the others take the host for dead and recover its running sweeps and syncs. Quartz's default is 7.5 s.
    /// </summary>
    public int ClusterCheckinMilliseconds { get; set; } = 7500;
}

/// <summary>One agent's settings: its department and its schedule (a Quartz cron expression: seconds first, UTC).</summary>
public sealed class AgentOptions
{
    public string? Department { get; set; }

    public string? Schedule { get; set; }
}

/// <summary>`Agents` in appsettings.json, with per-tenant overrides under `Tenants:NAME:Agents`.</summary>
public sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    public Dictionary<string, AgentOptions> Agents { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, TenantOverride> Tenants { get; set; } = new(StringComparer.Ordinal);

    public string? ScheduleFor(string tenant, string agent) =>
        Tenants.TryGetValue(tenant, out var t) && t.Agents.TryGetValue(agent, out var o) && o.Schedule is not null
            ? o.Schedule
            : Agents.TryGetValue(agent, out var a) ? a.Schedule : null;

    public IEnumerable<string> InvalidSchedules() =>
        Agents.Select(a => (Where: $"Agents:{a.Key}", a.Value.Schedule))
            .Concat(Tenants.SelectMany(t => t.Value.Agents.Select(a => (Where: $"Tenants:{t.Key}:Agents:{a.Key}", a.Value.Schedule))))
            .Where(s => s.Schedule is not null && !CronExpression.TryParse(s.Schedule, out _))
            .Select(s => $"{s.Where}:Schedule '{s.Schedule}' is not a valid cron expression (Quartz format: sec min hour day month weekday)");
}

public sealed class TenantOverride
{
    public Dictionary<string, AgentOptions> Agents { get; set; } = new(StringComparer.Ordinal);
}

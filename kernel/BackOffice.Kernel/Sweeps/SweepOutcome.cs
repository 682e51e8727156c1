using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Sweeps;

public sealed record SweepOutcome(
    string Tenant, string Agent, long RunId, DateOnly AsOf, IReadOnlyList<Finding> Findings, IReadOnlyList<ProposalDraft> Proposals,
    IntakeResult Intake, BackOffice.Kernel.Narration.NarrationStats? Narration = null, bool Unchanged = false)
{
    /// <summary>Issue 18: some check of the agent recomputed only the entities the journal named since its last sweep.</summary>
    public bool PerKey { get; init; }

    /// <summary>Issue 18: which checks took the per-key path (<see cref="BackOffice.Kernel.Abstractions.Agents.SweepResult.PerKeyChecks"/>).</summary>
    public IReadOnlyList<string> PerKeyChecks { get; init; } = [];

    /// <summary>Issue 18: the agent aged a snapshot it stored for an earlier date instead of reading the whole books (<see cref="BackOffice.Kernel.Abstractions.Agents.SweepResult.FromSnapshot"/>).</summary>
    public bool FromSnapshot { get; init; }
}

/// <summary>Another process holds this (tenant, agent) sweep's lease: the sweep is running elsewhere.</summary>
public sealed class SweepBusyException(string tenant, string agent)
    : Exception($"The {agent} sweep of tenant {tenant} is already running elsewhere; try again when it finishes.");

/// <summary>
/// Issue 18: another run of the same clustered tick owns it (Quartz recovered the tick on another host while this one
/// was cut off and still sweeping): this run's results are discarded, not recorded.
/// </summary>
public sealed class SweepSupersededException(string tenant, string agent, long runId, long by)
    : Exception($"Run {runId} of the {agent} sweep of tenant {tenant} was superseded by run {by} of the same tick; its results are discarded.")
{
    public long RunId { get; } = runId;

    public long By { get; } = by;
}

public sealed class UnknownAgentException(string agent, IEnumerable<string> known)
    : ArgumentException($"There is no agent '{agent}'. Agents: {string.Join(", ", known)}.");

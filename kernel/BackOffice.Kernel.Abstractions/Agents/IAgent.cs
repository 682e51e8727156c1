using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Abstractions.Agents;

/// <summary>
/// An agent reads the tenant's data, calls tools, and returns what it found and what it proposes.
/// It never writes to any system: the gate does that after a person approves (DESIGN.md rule 2).
/// </summary>
public interface IAgent
{
    /// <summary>Lower-case name used on the command line and in configuration, e.g. "financial".</summary>
    string Name { get; }

    /// <summary>The department whose lead approves this agent's money and legal proposals.</summary>
    string Department { get; }

    Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Tables of the books this agent's sweep never reads, directly or through a store (issue 18): an incremental sweep
    /// whose only journaled changes are rows of these tables keeps the agent's findings without running it. Leaving a
    /// table out only costs a recomputation; listing one the agent reads would keep stale findings, so list only what a
    /// search of the agent's loads shows it does not read. None by default.
    /// </summary>
    IReadOnlySet<string> TablesNotRead => AgentTables.None;

    /// <summary>
    /// Per table the agent reads, the columns it never reads (issue 18, same rule as <see cref="TablesNotRead"/>): an
    /// update that changed only these (a bill line's description) keeps the agent's findings. None by default.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlySet<string>> ColumnsNotRead => AgentTables.NoColumns;
}

/// <summary>Sets of book tables and columns agents name in <see cref="IAgent.TablesNotRead"/> and <see cref="IAgent.ColumnsNotRead"/> (issue 18).</summary>
public static class AgentTables
{
    public static IReadOnlySet<string> None { get; } = new HashSet<string>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> NoColumns { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    public static IReadOnlySet<string> Of(params string[] tables) => new HashSet<string>(tables, StringComparer.Ordinal);

    /// <summary>Whether a journaled write to <paramref name="table"/> that changed <paramref name="columns"/> (null: all, or not known) can change what <paramref name="agent"/> computes.</summary>
    public static bool Reads(IAgent agent, string? table, IReadOnlyList<string>? columns) =>
        table is null || !(agent.TablesNotRead.Contains(table)
            || (columns is not null && agent.ColumnsNotRead.TryGetValue(table, out var unread) && columns.All(unread.Contains)));
}

/// <param name="Data">The tenant's data context (issue 12): its stores and clock. Agents read through it, never a file path.</param>
/// <param name="AsOf">The business date the sweep computes for.</param>
/// <param name="Progress">Receives short human-readable progress lines; may be ignored.</param>
/// <param name="Memory">The tenant's memory (issue 4): what people taught the back office. Null only when its store is
/// unreachable this sweep; the runner says so in the log.</param>
/// <param name="Changes">Issue 18: on an incremental sweep whose stored findings were computed for the same as-of date and
/// inputs, the journal entries written since (every one, up to now); null when not known (a full sweep, a new date, a
/// changed input): then every check recomputes fully. An agent may recompute only the entities these name and keep its
/// other stored findings (<see cref="SweepResult.Kept"/>).</param>
/// <param name="Mark">Issue 18: the mark this sweep leaves (journal sequence, as-of date, inputs stamp and build), for
/// state an agent stores with its findings (<see cref="SweepResult.SaveState"/>); null when the runner has none.</param>
/// <param name="Incremental">Issue 18: whether the sweep may reuse state stored by an earlier one (false for `sweep --full`).</param>
/// <param name="Moved">Issue 18: on an incremental sweep for a later as-of date than the agent's stored findings, with the
/// same inputs stamp and build, that earlier date and the journal written since those findings; null otherwise (the same
/// date: see <paramref name="Changes"/>; an earlier date, `--full`, a changed input or build: recompute fully).</param>
public sealed record SweepContext(
    BackOffice.Store.Tenancy.TenantData Data, DateOnly AsOf, IProgress<string> Progress, BackOffice.Domain.Memory.ITenantMemory? Memory,
    IReadOnlyList<BackOffice.Store.Sweeps.JournalEntry>? Changes = null, BackOffice.Store.Sweeps.SweepMark? Mark = null, bool Incremental = false,
    AsOfMove? Moved = null)
{
    public string Tenant => Data.Tenant;
}

/// <summary>
/// Issue 18: the as-of date moved forward since an agent's stored findings and nothing else but the journal changed. An
/// agent may then recompute only what the new date can change (rows dated after <see cref="PreviousAsOf"/> up to the new
/// date, ages and due dates) plus the entities <see cref="Changes"/> name, and keep the rest of its stored findings.
/// </summary>
/// <param name="PreviousAsOf">The as-of date of the stored findings (earlier than the sweep's).</param>
/// <param name="Changes">Every journal entry written since those findings were stored (may be empty).</param>
public sealed record AsOfMove(DateOnly PreviousAsOf, IReadOnlyList<BackOffice.Store.Sweeps.JournalEntry> Changes);

public sealed record SweepResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ProposalDraft> Proposals)
{
    public static SweepResult Empty { get; } = new([], []);

    /// <summary>
    /// Issue 18: stored findings of entities nothing changed for, kept as they are (already narrated; not narrated again).
    /// The runner stores them with <see cref="Findings"/>; every other stored finding of the agent is resolved.
    /// </summary>
    public IReadOnlyList<Finding> Kept { get; init; } = [];

    /// <summary>Issue 18: whether some check recomputed only the entities the journal named (the per-key path).</summary>
    public bool PerKey { get; init; }

    /// <summary>Issue 18: the checks that recomputed only the entities the journal named, when <see cref="PerKey"/>.</summary>
    public IReadOnlyList<string> PerKeyChecks { get; init; } = [];

    /// <summary>
    /// Issue 18: state the agent keeps for its next sweep (Collections' aging snapshot), written by the runner in the unit
    /// that stores these findings and the sweep's mark, so it never runs ahead of them; null for none.
    /// </summary>
    public Func<BackOffice.Store.Tenancy.DataUnit, CancellationToken, Task>? SaveState { get; init; }

    /// <summary>Issue 18: whether the agent read a snapshot it stored for an earlier as-of date instead of the whole books.</summary>
    public bool FromSnapshot { get; init; }
}

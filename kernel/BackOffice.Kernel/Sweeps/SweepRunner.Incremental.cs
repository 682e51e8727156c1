using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Sweeps;

/// <summary>Full recomputation, or the incremental path that stops when nothing an agent reads has changed (issue 18).</summary>
public enum SweepMode
{
    Full,
    Incremental,
}

/// <summary>Issue 18: the incremental path. An agent whose inputs and as-of date are those of its mark is not run again.</summary>
public sealed partial class SweepRunner
{
    /// <summary>
    /// The mark a sweep starting now would leave: the journal's sequence, the as-of date, the stamp of what the journal
    /// does not cover, and the build of the agent and of this kernel (new code may find other things in the same books).
    /// </summary>
    private static async Task<SweepMark> CurrentMarkAsync(TenantData data, IAgent agent, DateOnly asOf, CancellationToken cancellationToken)
    {
        var inputs = await data.SweepMarks.InputsAsync(cancellationToken);
        var build = $"{agent.GetType().Assembly.ManifestModule.ModuleVersionId:N}.{typeof(SweepRunner).Assembly.ManifestModule.ModuleVersionId:N}";
        return new SweepMark(agent.Name, inputs.JournalSeq, asOf, $"{inputs.Stamp}:{build}");
    }

    /// <summary>
    /// Whether nothing the agent reads changed since its stored mark: the same as-of date, inputs stamp and build, and
    /// every journaled write since its sequence in a table or columns the agent never reads (<see cref="IAgent.TablesNotRead"/>,
    /// <see cref="IAgent.ColumnsNotRead"/>; issue 18: a changed bill line leaves Collections, Workforce, Pricebook and
    /// Documents as they were, and a changed line description Financial too).
    /// </summary>
    private static async Task<bool> IsUnchangedAsync(TenantData data, IAgent agent, SweepMark current, CancellationToken cancellationToken)
    {
        if (await data.SweepMarks.GetAsync(agent.Name, cancellationToken) is not { } stored
            || stored with { JournalSeq = current.JournalSeq } != current || stored.JournalSeq > current.JournalSeq)
        {
            return false;
        }

        if (stored.JournalSeq == current.JournalSeq)
        {
            return true;
        }

        var writes = await data.Changes.WritesBetweenAsync(stored.JournalSeq, current.JournalSeq, cancellationToken);
        return !writes.Any(w => AgentTables.Reads(agent, w.Table, w.Columns));
    }

    /// <summary>
    /// Nothing the agent reads changed since its mark: its stored findings stand as they are, and every proposal it
    /// would draft was handed to the gate by the sweep that set the mark (the gate dedupes by key, so re-submitting them
    /// would change nothing). The run and an audit event are still recorded, so the scheduler sees the sweep as done.
    /// </summary>
    private async Task<SweepOutcome> UnchangedAsync(
        TenantData data, string agent, long runId, SweepMark mark, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var asOf = mark.AsOf;
        var findings = await StoredFindings.OpenAsync(data, agent, cancellationToken);
        await using (var unit = await data.WriteAsync(cancellationToken))
        {
            await EnsureOwnsTickAsync(unit, data, agent, runId, cancellationToken);
            await audit.AppendAsync(unit, $"agent:{agent}", "sweep.completed", $"sweep:{runId}", new JsonObject
            {
                ["agent"] = agent,
                ["asOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["findings"] = findings.Count,
                ["newFindings"] = 0,
                ["proposalsDrafted"] = 0,
                ["unchanged"] = true,
            }, cancellationToken);
            // The journal may have moved in tables the agent does not read: the mark follows, so they are not read again.
            await data.SweepMarks.SaveAsync(unit, mark, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        await FinishAsync(data, agent, runId, findings.Count, 0, cancellationToken);
        BackOfficeTelemetry.Sweeps.Add(1, new("agent", agent), new("outcome", "unchanged"));
        LogSwept(data.Tenant, agent, findings.Count, 0);
        progress.Report($"{agent}: nothing changed since the last sweep as of {asOf:yyyy-MM-dd}; {findings.Count} findings stand");
        return new SweepOutcome(data.Tenant, agent, runId, asOf, findings, [], new IntakeResult(0, 0), Unchanged: true);
    }

    /// <summary>
    /// Issue 18: the journal since the agent's stored findings, when they were computed for the same as-of date, inputs
    /// stamp and build as this sweep (only the journal moved); null otherwise, and the agent recomputes everything.
    /// </summary>
    private static async Task<IReadOnlyList<JournalEntry>?> ChangesSinceAsync(TenantData data, string agent, SweepMark current, CancellationToken cancellationToken)
    {
        if (await data.SweepMarks.GetAsync(agent, cancellationToken) is not { } stored
            || stored with { JournalSeq = current.JournalSeq } != current || stored.JournalSeq > current.JournalSeq)
        {
            return null;
        }

        return await data.Changes.SinceAsync(stored.JournalSeq, cancellationToken);
    }

    /// <summary>
    /// Issue 18: the earlier as-of date of the agent's stored findings and the journal since them, when this sweep is for
    /// a later date with the same inputs stamp and build (only the date and the journal moved); null otherwise.
    /// </summary>
    private static async Task<AsOfMove?> MovedSinceAsync(TenantData data, string agent, SweepMark current, CancellationToken cancellationToken)
    {
        if (await data.SweepMarks.GetAsync(agent, cancellationToken) is not { } stored
            || stored.AsOf >= current.AsOf || stored.InputsStamp != current.InputsStamp || stored.JournalSeq > current.JournalSeq)
        {
            return null;
        }

        return new AsOfMove(stored.AsOf, await data.Changes.SinceAsync(stored.JournalSeq, cancellationToken));
    }

    /// <summary>The sweep of a leased run: skipped when incremental and nothing the agent reads changed since its mark.</summary>
    private async Task<SweepOutcome> SweepOrSkipAsync(
        TenantData data, IAgent agent, long runId, DateOnly asOf, SweepMode mode, IProgress<string> progress, CancellationToken cancellationToken)
    {
        // Read before the agent reads anything: a write that lands during the sweep leaves the mark behind it.
        var mark = await CurrentMarkAsync(data, agent, asOf, cancellationToken);
        if (mode == SweepMode.Incremental && await IsUnchangedAsync(data, agent, mark, cancellationToken))
        {
            return await UnchangedAsync(data, agent.Name, runId, mark, progress, cancellationToken);
        }

        var changes = mode == SweepMode.Incremental ? await ChangesSinceAsync(data, agent.Name, mark, cancellationToken) : null;
        var moved = mode == SweepMode.Incremental ? await MovedSinceAsync(data, agent.Name, mark, cancellationToken) : null;
        return await SweepAsync(data, agent, runId, asOf, mark, changes, moved, mode, progress, cancellationToken);
    }
}

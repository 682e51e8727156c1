using System.Data.Common;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Procore schedule tasks (GET /rest/v1.0/tasks?project_id=; the Task model of the OpenAPI-generated SDK
/// weigandconstruction/procore_python_sdk: id, name, task_name, start_datetime, finish_datetime, percentage, wbs,
/// has_children, resource_name, baseline_start, baseline_finish, updated_at) into project_schedule_tasks with provenance (issue 14).
/// </summary>
internal static class ProcoreScheduleRows
{
    public const string Prefix = "pc-tsk-";

    /// <summary>
    /// A summary task (has_children) only rolls its children up: storing it too would count its span twice in the
    /// schedule's planned value, so a sync keeps the leaf tasks (and milestones, which weigh nothing).
    /// </summary>
    public static IReadOnlyList<JsonObject> Leaves(IReadOnlyList<JsonObject> tasks) =>
        tasks.Where(t => t["has_children"] is not JsonValue v || !v.TryGetValue<bool>(out var parent) || !parent).ToList();

    public static Task<SyncOutcome> ApplyAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct)
    {
        var start = p.Date("start_datetime") ?? throw new ProcoreResponseException($"Procore task {p.Id}: 'start_datetime' is missing.");
        var finish = p.Date("finish_datetime") ?? start;
        return ProcoreUpsert.RowAsync(c, t, "project_schedule_tasks", "id", ProcoreRows.Source(p, Prefix + p.Id, new()
        {
            ["job_id"] = ProcoreRows.Job(scope.ProjectId!), ["name"] = p.Optional("task_name") ?? p.Text("name"),
            // Procore's Task has no trade: the resources assigned to it are the nearest thing it says (empty when none).
            ["trade"] = p.Optional("resource_name") ?? "",
            ["start_date"] = start, ["end_date"] = string.CompareOrdinal(finish, start) < 0 ? start : finish,
            // No crew hours in Procore's Task: earned value weights these tasks by their cost code's budget instead.
            ["crew_hours_e4"] = 0L, ["percent_complete_bp"] = Math.Clamp(p.BasisPoints("percentage") ?? 0, 0, 10_000),
            ["cost_code"] = CostCode(p, scope),
            ["baseline_start"] = Baseline(p).Start, ["baseline_end"] = Baseline(p).End,
        }), ct);
    }

    /// <summary>
    /// The Task model's baseline_start / baseline_finish (issue 14), date part. Only both make a baseline: one without the
    /// other plans nothing, and a finish before the start is the start, as for the current dates.
    /// </summary>
    private static (string? Start, string? End) Baseline(ProcoreJson p) =>
        (p.Date("baseline_start"), p.Date("baseline_finish")) is ({ } start, { } finish)
            ? (start, string.CompareOrdinal(finish, start) < 0 ? start : finish)
            : (null, null);

    /// <summary>
    /// DERIVED (issue 14): Procore documents no cost code on a schedule task, so a task maps to one of the project's
    /// cost codes when its WBS number is that code, or its name starts with it followed by a space or a dash
    /// ("03-300 Pour footings"); the longest such code wins. Null when neither says: the task is then unweighted.
    /// </summary>
    public static string? CostCode(ProcoreJson p, ProcoreScope scope)
    {
        var codes = scope.CostCodes.Values.Distinct(StringComparer.Ordinal).OrderByDescending(c => c.Length).ToList();
        var wbs = p.Optional("wbs")?.Trim();
        if (wbs is not null && codes.FirstOrDefault(c => string.Equals(c, wbs, StringComparison.OrdinalIgnoreCase)) is { } byWbs)
        {
            return byWbs;
        }

        var name = (p.Optional("task_name") ?? p.Optional("name") ?? "").Trim();
        return codes.FirstOrDefault(c => name.StartsWith(c, StringComparison.OrdinalIgnoreCase)
            && (name.Length == c.Length || name[c.Length] is ' ' or '-' or ':' or '\u2013'));
    }
}

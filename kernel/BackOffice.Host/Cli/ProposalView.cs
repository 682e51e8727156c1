using System.Text.Json.Nodes;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.Cli;

/// <summary>How a proposal is shown to the person deciding on it.</summary>
public static class ProposalView
{
    public static JsonObject Summary(ProposalRow row) => new()
    {
        ["id"] = row.Id,
        ["state"] = row.State,
        ["risk"] = row.Risk,
        ["agent"] = row.Agent,
        ["actionKind"] = row.ActionKind,
        ["title"] = row.Title,
        ["proposedBy"] = row.ProposedBy,
        ["proposedAt"] = row.ProposedAt,
        ["targetId"] = row.TargetId,
    };

    /// <summary>
    /// Issue 17: the views' titles and narratives in the words the console shows ("Reclass ... to 5400 Permits and Fees"),
    /// read in one <see cref="ApprovalConsole.RecordRefs.LoadAsync"/> for all of them; the ids stay in their own fields
    /// (id, targetId, the figures' sources, the payload) for machines.
    /// </summary>
    public static async Task<IReadOnlyList<JsonObject>> InWordsAsync(IReadOnlyList<JsonObject> views, BackOffice.Store.Tenancy.TenantData data, CancellationToken ct)
    {
        var texts = new[] { "title", "narrative" };
        var refs = await ApprovalConsole.RecordRefs.LoadAsync(data, views.SelectMany(v => texts.Select(t => (string?)v[t])), ct);
        foreach (var view in views)
        {
            foreach (var text in texts.Where(t => view[t] is JsonValue))
            {
                view[text] = refs.Text((string?)view[text]);
            }
        }

        return views;
    }

    public static JsonObject Detail(ProposalRow row, GateOptions options, IReadOnlyList<AuditEvent> history)
    {
        var view = Summary(row);
        view["whoMustApprove"] = WhoMustApprove(row, options);
        view["reversible"] = row.Reversible != 0;
        view["irreversibleReason"] = row.IrreversibleReason;
        view["narrative"] = row.Narrative;
        view["figures"] = JsonNode.Parse(row.FiguresJson);
        view["payload"] = JsonNode.Parse(row.PayloadJson);
        view["editableFields"] = JsonNode.Parse(row.EditableFieldsJson);
        view["idempotencyKey"] = row.IdempotencyKey;
        view["decidedBy"] = row.DecidedBy;
        view["decisionReason"] = row.DecisionReason;
        view["error"] = row.Error;
        view["edit"] = ProposalDiff.Of(row);
        view["history"] = new JsonArray(history.Select(e => (JsonNode)new JsonObject
        {
            ["at"] = e.At, ["actor"] = e.Actor, ["kind"] = e.Kind,
        }).ToArray());
        return view;
    }

    private static string WhoMustApprove(ProposalRow row, GateOptions options) => row.Risk switch
    {
        "Money" or "Legal" => $"a lead of the {(options.AgentDepartments.TryGetValue(row.Agent, out var department) ? department : "(unconfigured)")} department ({row.Risk.ToLowerInvariant()} action), not the proposer",
        _ => "an approver, lead or admin (or the auto policy when the agent is in auto mode), not the proposer",
    };

    public static void Print(CliOutput output, JsonObject view)
    {
        output.Line($"Proposal {view["id"]}: {view["title"]}");
        output.Line($"  state {view["state"]}, risk {view["risk"]}, proposed by {view["proposedBy"]} at {view["proposedAt"]}");
        output.Line($"  must be approved by {view["whoMustApprove"]}");
        if (view["error"] is { } error)
        {
            output.Line($"  last attempt failed: {error}");
        }

        // A reversible action may still limit its undo (issue 5: a delayed send is undoable only until delivered); say so before approval.
        output.Line((bool)view["reversible"]!
            ? "  can be undone after execution" + (view["irreversibleReason"] is null ? "" : $", but {view["irreversibleReason"]}")
            : $"  CANNOT be undone once executed: {view["irreversibleReason"]}");
        output.Line();
        ProposalDiff.Print(output, view["edit"]?.AsObject());
        output.Line("  " + view["narrative"]);
        output.Line();
        output.Line("  Figures (value, computed by, from):");
        foreach (var figure in view["figures"]!.AsArray())
        {
            var sources = string.Join(", ", figure!["sources"]!.AsArray().Select(s => $"{s!["system"]}:{s["table"]}/{s["id"]}"));
            output.Line($"    {figure["name"],-18} {figure["value"],14} {figure["unit"],-7} {figure["tool"]}  [{sources}]");
        }

        output.Line();
        output.Line($"  Payload (editable: {string.Join(", ", view["editableFields"]!.AsArray().Select(f => (string?)f))}):");
        output.Line("    " + view["payload"]!.ToJsonString(CliOutput.JsonOptions).Replace("\n", "\n    ", StringComparison.Ordinal));
        output.Line();
        output.Line("  History:");
        foreach (var e in view["history"]!.AsArray())
        {
            output.Line($"    {e!["at"]}  {e["kind"],-28} {e["actor"]}");
        }
    }
}

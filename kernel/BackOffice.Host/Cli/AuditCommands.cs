using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;

using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice audit verify|list|export` (DESIGN.md rule 5).</summary>
public static class AuditCommands
{
    public static Command Build() => new("audit", "The tamper-evident audit log") { Verify(), List(), Export() };

    private static Command Verify()
    {
        var verifyTenant = CliOptions.Tenant();
        verifyTenant.Description = "Verify only this tenant's chain (default: the control chain and every tenant's)";
        var verify = new Command("verify", "Check that no audit event was edited, removed or reordered; exits 1 naming the first bad event") { verifyTenant };
        verify.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var results = new List<JsonObject>();
            var named = cli.Parse.GetValue(verifyTenant);
            var chains = cli.Get<AuditChains>();
            var reports = new List<AuditChainReport>();
            if (named is null)
            {
                reports.Add(await chains.VerifyControlAsync(ct));
            }

            var tenants = named is null ? (await cli.Get<TenantRegistry>().ListAsync(ct)).Select(t => t.Id).ToList() : [await cli.TenantAsync(verifyTenant, ct)];
            foreach (var tenant in tenants)
            {
                reports.Add(await chains.VerifyTenantAsync(tenant, ct));
            }

            results.AddRange(reports.Select(Result));
            cli.Output.Table(results, ["id", "events", "intact", "keyedFrom", "firstBadEvent", "reason"]);
            var broken = results.Where(r => !(bool)r["intact"]!).ToList();
            if (!cli.Json)
            {
                cli.Output.Line(broken.Count == 0 ? "All audit chains are intact." : $"TAMPERING DETECTED in {string.Join(", ", broken.Select(b => b["id"]))}.");
                cli.Output.Line(KeyNote(reports));
            }

            return broken.Count == 0 ? 0 : 1;
        }));
        return verify;
    }

    private static Command List()
    {
        var listTenant = CliOptions.Tenant();
        var kind = new Option<string?>("--kind") { Description = "Only events of this kind, e.g. proposal.approved" };
        var subject = new Option<string?>("--subject") { Description = "Only events about this subject, e.g. proposal:3" };
        var limit = new Option<int>("--limit") { Description = "Most recent N events (default 50)", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List audit events, most recent last") { listTenant, kind, subject, limit };
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var events = await ReadAsync(cli, listTenant, ct);
            var k = cli.Parse.GetValue(kind);
            var s = cli.Parse.GetValue(subject);
            var matching = events.Where(e => (k is null || e.Kind == k) && (s is null || e.Subject == s)).ToList();
            var rows = matching.TakeLast(cli.Parse.GetValue(limit)).Select(ToJson).ToList();
            // Issue 17: say how much is not shown, so the most recent 50 are never mistaken for the whole log.
            cli.Output.Table(rows, ["id", "at", "actor", "kind", "subject", "data"],
                $"Showing the most recent {rows.Count} of {matching.Count} events (--limit N shows more)");
            return 0;
        }));
        return list;
    }

    private static Command Export()
    {
        var exportTenant = CliOptions.Tenant();
        var export = new Command("export", "Write the whole chain as JSON lines (one event a line), for an external archive") { exportTenant };
        export.SetAction(CliAction.Run(async (cli, ct) =>
        {
            foreach (var e in await ReadAsync(cli, exportTenant, ct))
            {
                var line = ToJson(e);
                line["prevHash"] = e.PrevHash;
                line["hash"] = e.Hash;
                cli.Parse.InvocationConfiguration.Output.WriteLine(line.ToJsonString());
            }

            return 0;
        }));
        return export;
    }

    private static async Task<IReadOnlyList<AuditEvent>> ReadAsync(CliContext cli, Option<string?> tenantOption, CancellationToken ct)
    {
        await using var unit = cli.Parse.GetValue(tenantOption) == "control"
            ? await cli.Get<TenantDataSource>().ReadControlAsync(ct)
            : await cli.Tenant(await cli.TenantAsync(tenantOption, ct)).ReadAsync(ct);
        return await AuditStore.ReadAllAsync(unit, ct);
    }

    private static JsonObject Result(AuditChainReport report) => new()
    {
        ["id"] = report.Id,
        ["events"] = report.Events,
        ["intact"] = report.Intact,
        ["keyedFrom"] = report.KeyedFrom,
        ["firstBadEvent"] = report.Break?.Seq,
        ["reason"] = report.Break?.Reason,
    };

    /// <summary>Issue 19: which key the chains are checked with, and that events before a chain's keyed point used plain SHA-256.</summary>
    private static string KeyNote(IReadOnlyList<AuditChainReport> reports)
    {
        var legacy = reports.Where(r => r.KeyedFrom > 1).Select(r => $"{r.Id} from event {r.KeyedFrom}").ToList();
        var fingerprint = reports.FirstOrDefault()?.KeyFingerprint ?? "";
        return legacy.Count == 0
            ? $"Chains are keyed (HMAC-SHA256) with key {fingerprint}."
            : $"Chains are keyed (HMAC-SHA256) with key {fingerprint}; keyed since the key was created: {string.Join(", ", legacy)} (earlier events are checked with plain SHA-256, as before the key).";
    }

    private static JsonObject ToJson(AuditEvent e) => new()
    {
        ["id"] = e.Seq,
        ["at"] = e.At,
        ["actor"] = e.Actor,
        ["kind"] = e.Kind,
        ["subject"] = e.Subject,
        ["data"] = JsonNode.Parse(e.DataJson),
    };
}

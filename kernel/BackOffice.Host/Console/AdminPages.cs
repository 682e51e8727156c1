using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Admin (issue 9): the master and per-agent write switches and modes, each change confirmed on a second page, and the
/// audit trail of who changed what. Anyone may look; only an admin may change (the gate refuses everyone else, 403).
/// </summary>
public static class AdminPages
{
    public static RouteGroupBuilder MapAdminPages(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/admin", (HttpContext http, string tenant, string? msg, SweepRunner runner, GateSwitches switches, GateOptions options) =>
            ConsolePage.RunAsync(http, tenant, caller => ShowAsync(http, caller, msg, runner, switches, options)));
        tenant.MapPost("/admin/switch", (HttpContext http, string tenant, IFormCollection form, SweepRunner runner, GateSwitches switches, AuditAnchors anchors) =>
            ConsolePage.RunAsync(http, tenant, caller => ToggleAsync(http, caller, form, runner, switches, anchors)));
        return tenant;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, Caller caller, string? msg, SweepRunner runner, GateSwitches switches, GateOptions options)
    {
        var snapshot = await AgentsApi.SnapshotAsync(caller, runner, switches, options, http.RequestAborted);
        var master = (bool)snapshot["master"]!;
        // Issue 17: only an admin sees the switch buttons; anyone else sees the switches and why they cannot change them.
        var refusal = GatePolicy.CanToggleSwitches(caller.Actor);
        string Form(string target, string what, string to, string label) => refusal.Allowed ? SwitchForm(http, caller.Tenant, target, what, to, label) : "";
        var html = new StringBuilder(Notice(msg)).Append(refusal.Allowed ? "" : $"<p class=\"notice\">{E(refusal.Reason)}</p>");
        // Issue 19: API tokens have their own admin page.
        html.Append(refusal.Allowed ? $"<p><a href=\"{Tenant(caller.Tenant)}/admin/tokens\" id=\"api-tokens\">API tokens</a></p>" : "");
        html.Append($"<div class=\"card\"><p>Master write switch: <strong id=\"master-state\">{(master ? "ON" : "off")}</strong></p>")
            .Append(Form("master", "writes", master ? "off" : "on", master ? "Turn master writes off" : "Turn master writes on"))
            .Append("</div><div class=\"scroll\"><table id=\"write-switches\"><thead><tr><th>Agent</th><th>Department</th><th>Writes</th><th>Mode</th><th>Change</th></tr></thead><tbody>");
        foreach (var agent in snapshot["agents"]!.AsArray())
        {
            var name = (string)agent!["id"]!;
            var writes = (bool)agent["writes"]!;
            var mode = (string)agent["mode"]!;
            html.Append($"<tr id=\"agent-{E(name)}\"><td>{E(name)}</td><td>{E(agent["department"])}</td><td>{(writes ? "on" : "off")}</td><td>{E(mode)}</td><td class=\"actions\">")
                .Append(Form(name, "writes", writes ? "off" : "on", writes ? "Writes off" : "Writes on"))
                .Append(Form(name, "mode", mode == "auto" ? "advisory" : "auto", mode == "auto" ? "Advisory mode" : "Auto mode"))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        var zone = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConsoleOptions>>().Value.ZoneFor(caller.Tenant);
        // Issues 13 and 14: the QuickBooks and Procore connections with their Connect and Disconnect buttons, for admins.
        html.Append(refusal.Allowed ? await ConnectionsCard.RenderAsync(http, caller, zone) : "");
        html.Append("<h2>Who changed what</h2><div class=\"scroll\"><table><thead><tr><th>At</th><th>Who</th><th>Switch</th><th>Before</th><th>After</th></tr></thead><tbody>");
        foreach (var e in (await AuditApi.ReadAsync(caller, new AuditApi.AuditFilter("switch.toggled", null, null, 100), http.RequestAborted)).Reverse())
        {
            var data = JsonNode.Parse(e.DataJson)!;
            html.Append($"<tr><td>{E(AccountingText.Timestamp(e.At, zone))}</td><td>{E(e.Actor)}</td><td>{E(data["switch"])}</td><td>{E(data["before"])}</td><td>{E(data["after"])}</td></tr>");
        }

        return Page("Admin: write switches", html.Append("</tbody></table></div>").ToString(), caller);
    }

    private static string SwitchForm(HttpContext http, string tenant, string target, string what, string to, string label) => $"""
        <form method="post" action="{Tenant(tenant)}/admin/switch">{Token(http)}<input type="hidden" name="target" value="{E(target)}">
        <input type="hidden" name="what" value="{E(what)}"><input type="hidden" name="to" value="{E(to)}"><button>{E(label)}</button></form>
        """;

    /// <summary>Without confirm=yes, shows what would change and asks; with it, changes the switch through <see cref="GateSwitches"/>.</summary>
    private static async Task<IResult> ToggleAsync(HttpContext http, Caller caller, IFormCollection form, SweepRunner runner, GateSwitches switches, AuditAnchors anchors)
    {
        string target = form["target"].ToString(), what = form["what"].ToString(), to = form["to"].ToString();
        var description = target == "master" ? $"Turn the master write switch {to}" : $"Set agent {target}'s {what} to {to}";
        if (form["confirm"] != "yes")
        {
            var body = $"""
                <div class="card"><p>{E(description)} for tenant {E(caller.Tenant)}? This is recorded in the audit log under your name.</p>
                <form method="post" action="{Tenant(caller.Tenant)}/admin/switch" class="actions">{Token(http)}
                <input type="hidden" name="target" value="{E(target)}"><input type="hidden" name="what" value="{E(what)}"><input type="hidden" name="to" value="{E(to)}">
                <input type="hidden" name="confirm" value="yes"><button class="primary">Confirm</button> <a href="{Tenant(caller.Tenant)}/admin">Cancel</a></form></div>
                """;
            return Page("Confirm switch change", body, caller);
        }

        var ct = http.RequestAborted;
        switch (target, what)
        {
            case ("master", "writes"):
                await switches.SetMasterAsync(caller.Data, caller.Actor, to == "on", ct);
                break;
            case (_, "writes"):
                await switches.SetAgentWritesAsync(caller.Data, caller.Actor, runner.Agent(target).Name, to == "on", ct);
                break;
            case (_, "mode"):
                await switches.SetAgentModeAsync(caller.Data, caller.Actor, runner.Agent(target).Name, to == "auto" ? AgentMode.Auto : AgentMode.Advisory, ct);
                break;
            default:
                throw new ArgumentException($"Unknown switch '{target}/{what}'.", nameof(form));
        }

        await anchors.AdvanceAsync(caller.Tenant, ct);
        return Results.Redirect($"{Tenant(caller.Tenant)}/admin?msg={Uri.EscapeDataString(description + ": done.")}");
    }
}

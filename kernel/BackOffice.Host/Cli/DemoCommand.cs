using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Control;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice demo`: create or refresh tenant `demo` from the sample bundle that ships with the program, add the
/// demo's people, run every agent once and print what they found and proposed. Safe to run again: a re-import of
/// the same bundle changes nothing and a re-sweep proposes nothing new.
/// </summary>
public static class DemoCommand
{
    public const string Tenant = "demo";

    private static readonly (string Name, string Role, string? Department)[] People =
    [
        ("dana", "lead", "finance"),
        ("alex", "approver", null),
        ("sam", "admin", null),
    ];

    public static Command Build()
    {
        var asOf = CliOptions.AsOf();
        var command = new Command("demo", "Create or refresh tenant 'demo' from the sample bundle and run all agents once") { asOf };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            await cli.Get<TenantRegistry>().CreateAsync(Tenant, "demo", ct);
            await AddPeopleAsync(cli, ct);
            var bundle = Path.Combine(AppContext.BaseDirectory, "samples", "demo");
            var imported = await ImportCommand.RunAsync(cli, bundle, Tenant, ct);
            var outcomes = await SweepCommand.RunAsync(cli, Tenant, null, cli.AsOf(asOf), ct);
            var open = await cli.Get<ProposalGate>().ListAsync(cli.Data.TenantDatabasePath(Tenant), new ProposalFilter(), ct);
            if (cli.Json)
            {
                cli.Output.WriteJson(new JsonObject
                {
                    ["id"] = Tenant,
                    ["imported"] = new JsonObject { ["added"] = imported.Added, ["changed"] = imported.Changed, ["removed"] = imported.Removed },
                    ["findings"] = outcomes.Sum(o => o.Findings.Count),
                    ["proposals"] = new JsonArray(open.Select(p => (JsonNode)ProposalView.Summary(p)).ToArray()),
                });
                return 0;
            }

            cli.Output.Line($"Tenant '{Tenant}' from {bundle}");
            cli.Output.Line($"Import: {imported.Added} added, {imported.Changed} changed, {imported.Removed} removed, {imported.Unchanged} unchanged.");
            cli.Output.Line();
            SweepCommand.Print(cli, outcomes);
            cli.Output.Line();
            cli.Output.Table(open.Select(ProposalView.Summary).ToList(), ["id", "state", "risk", "agent", "title"], "Proposals:");
            cli.Output.Line();
            cli.Output.Line("Next: `backoffice proposals show 1`, then approve as the finance lead: `backoffice proposals approve 1 --as dana`.");
            cli.Output.Line("Writes are off until an admin turns them on: `backoffice writes on --as sam` and `backoffice agents set financial --writes on --as sam`.");
            return 0;
        }));
        return command;
    }

    private static async Task AddPeopleAsync(CliContext cli, CancellationToken ct)
    {
        var users = cli.Get<UserDirectory>();
        foreach (var (name, role, department) in People)
        {
            if (await users.FindAsync(name, ct) is null)
            {
                await users.AddAsync(name, role, department, Tenant, "demo", ct);
            }
        }
    }
}

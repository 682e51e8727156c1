using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Bundle;
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
        ("carla", "lead", "collections"),
        ("pat", "lead", "payroll"),
        ("erin", "lead", "estimating"),
        ("alex", "approver", null),
        ("sam", "admin", null),
    ];

    /// <summary>The sample bundle's vendor price files and whose they are (a real import names the vendor with --vendor).</summary>
    private static readonly (string File, string Vendor)[] PriceFiles = [("abc-supply-2026-12.csv", "ABC Supply")];

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
            await ImportPriceFilesAsync(cli, ct);
            await PinAsync(cli, bundle, cli.Parse.GetValue(asOf), ct);
            var outcomes = await SweepCommand.RunAsync(cli, Tenant, null, await cli.AsOfAsync(asOf, Tenant, ct), BackOffice.Kernel.Sweeps.SweepMode.Full, ct);
            var open = await cli.Get<ProposalGate>().ListAsync(cli.Tenant(Tenant), new ProposalFilter(), ct);
            var views = await ProposalView.InWordsAsync([.. open.Select(ProposalView.Summary)], cli.Tenant(Tenant), ct);
            if (cli.Json)
            {
                cli.Output.WriteJson(new JsonObject
                {
                    ["id"] = Tenant,
                    ["imported"] = new JsonObject { ["added"] = imported.Added, ["changed"] = imported.Changed, ["removed"] = imported.Removed },
                    ["findings"] = outcomes.Sum(o => o.Findings.Count),
                    ["proposals"] = new JsonArray(views.Select(v => (JsonNode)v).ToArray()),
                });
                return 0;
            }

            cli.Output.Line($"Tenant '{Tenant}' from {bundle}");
            cli.Output.Line($"Import: {imported.Added} added, {imported.Changed} changed, {imported.Removed} removed, {imported.Unchanged} unchanged.");
            cli.Output.Line();
            await SweepCommand.PrintAsync(cli, Tenant, outcomes, ct);
            cli.Output.Line();
            cli.Output.Table(views, ["id", "state", "risk", "agent", "title"], "Proposals:");
            cli.Output.Line();
            var bill = open.FirstOrDefault(p => p.ActionKind == CreateBillPayload.Kind && p.Agent == "financial");
            if (bill is not null)
            {
                cli.Output.Line($"Next: `backoffice proposals show {bill.Id}`, then approve as the finance lead: `backoffice proposals approve {bill.Id} --as dana`.");
            }

            cli.Output.Line("Demo people: dana (finance lead), carla (collections lead), pat (payroll lead), erin (estimating lead), alex (approver), sam (admin).");
            cli.Output.Line("Writes are off until an admin turns them on: `backoffice writes on --as sam` and `backoffice agents set financial --writes on --as sam`.");
            return 0;
        }));
        return command;
    }

    private static async Task ImportPriceFilesAsync(CliContext cli, CancellationToken ct)
    {
        var folder = cli.Data.TenantFilesFolder(Tenant, "price-files");
        foreach (var (file, vendor) in PriceFiles.Where(f => File.Exists(Path.Combine(folder, f.File))))
        {
            var result = await PricebookImport.RunAsync(
                cli.Tenant(Tenant), Path.Combine(folder, file), vendor, acceptGoodRows: false, "demo", cli.Get<TimeProvider>().GetUtcNow(), ct);
            cli.Progress.Report($"pricebook: {file} ({vendor}): {result.GoodLines} lines{(result.AlreadyImported ? ", already imported" : "")}");
        }
    }

    /// <summary>
    /// Issue 17: the sample books are read as of the sample's own date (bundle.json's exported_at), or the --as-of asked,
    /// never today's clock, so aging, due dates and the README walkthrough's ids hold on any day.
    /// </summary>
    private static async Task PinAsync(CliContext cli, string bundle, string? asOf, CancellationToken ct)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, BundleManifest.FileName), ct));
        var text = asOf ?? manifest?["exported_at"]?.GetValue<string>()
                   ?? throw new CliException($"The sample bundle's {BundleManifest.FileName} has no exported_at date to read the demo as of.");
        var date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new CliException($"--as-of '{text}' is not a date: expected yyyy-MM-dd.");
        // The date every default "as of" reads from is a setting a controller must be able to trace: audited with it.
        var data = cli.Tenant(Tenant);
        await using var unit = await data.WriteAsync(ct);
        await data.BooksDate.PinAsync(unit, date, "demo", ct);
        await cli.Get<AuditStore>().AppendAsync(unit, "demo", "books.date-pinned", "books-date",
            new JsonObject { ["asOf"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ct);
        await unit.CommitAsync(ct);
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

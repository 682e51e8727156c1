using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BackOffice.Domain.Pricebook;
using BackOffice.Store.Pricebook;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Host.Cli;

/// <summary>`pricebook mapping`, `pricebook resolve`, `pricebook markup`: what a person tells the pricebook engine once (issue 8).</summary>
public static class PricebookMappingCommand
{
    private static readonly string[] Fields = ["sku", "description", "unit", "price", "effective", "default-unit"];

    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "A price file of this vendor, to detect and check the header against" };
        var tenant = CliOptions.Tenant();
        var vendor = new Option<string>("--vendor") { Description = "Vendor name", Required = true };
        var set = new Option<string[]>("--set") { Description = $"field=Header text; fields: {string.Join(", ", Fields)}", AllowMultipleArgumentsPerToken = false };
        var save = new Option<bool>("--save") { Description = "Save the mapping for this vendor (otherwise only shown)" };
        var command = new Command("mapping", "Show the column mapping header detection suggests for a file, adjust it with --set, save it with --save")
        {
            file, tenant, vendor, set, save,
        };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var rows = await PriceFileReader.ReadAsync(cli.Parse.GetValue(file)!, ct);
            var store = cli.Tenant(tenantName).Pricebook;
            var suggestion = PriceFileHeaders.Suggest(rows.Select(r => r.Cells).ToList());
            var mapping = Apply(suggestion.Mapping ?? new PriceFileMapping(null, null, null, "", null), cli.Parse.GetValue(set) ?? []);
            var problems = mapping.Problems();
            if (problems.Count == 0 && PriceFileHeaders.FindHeader(rows.Select(r => r.Cells).ToList(), mapping) is null)
            {
                problems = ["the file has no header row with all these columns"];
            }

            cli.Output.Line($"Mapping: {PricebookImport.Describe(mapping)}");
            if (problems.Count > 0)
            {
                throw new CliException("The mapping is not usable: " + string.Join("; ", problems) + ".");
            }

            if (cli.Parse.GetValue(save))
            {
                var actor = cli.Parse.GetValue(CliOptions.As) ?? Environment.GetEnvironmentVariable("BACKOFFICE_USER") ?? "cli";
                await store.SaveMappingAsync(cli.Parse.GetValue(vendor)!, JsonSerializer.Serialize(mapping, PricebookImport.MappingJson), actor,
                    cli.Get<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ct);
                cli.Output.Line($"Saved for {cli.Parse.GetValue(vendor)}.");
            }

            return 0;
        }));
        return command;
    }

    public static Command BuildResolve()
    {
        var tenant = CliOptions.Tenant();
        var vendor = new Option<string>("--vendor") { Description = "Vendor name", Required = true };
        var key = new Option<string>("--key") { Description = "The line key the ambiguous-match finding names (sku:... or desc:...)", Required = true };
        var item = new Option<string>("--item") { Description = "Pricebook item id, or 'none' when the line is no pricebook item", Required = true };
        var command = new Command("resolve", "Answer an ambiguous match once; the answer is used from then on") { tenant, vendor, key, item };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var store = cli.Tenant(tenantName).Pricebook;
            var itemId = cli.Parse.GetValue(item)!;
            if (itemId != "none" && (await store.ItemsAsync(ct)).All(i => i.Id != itemId))
            {
                throw new CliException($"There is no pricebook item '{itemId}'.");
            }

            var actor = cli.Parse.GetValue(CliOptions.As) ?? Environment.GetEnvironmentVariable("BACKOFFICE_USER") ?? "cli";
            await store.SaveDecisionAsync(cli.Parse.GetValue(vendor)!, cli.Parse.GetValue(key)!, itemId == "none" ? null : itemId, actor,
                cli.Get<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ct);
            cli.Output.Line("Remembered.");
            return 0;
        }));
        return command;
    }

    public static Command BuildMarkup()
    {
        var tenant = CliOptions.Tenant();
        var scope = new Argument<string>("SCOPE") { Description = "item:ID, category:NAME or default" };
        var markup = new Option<decimal?>("--markup") { Description = "Markup on cost in percent, e.g. 35" };
        var margin = new Option<decimal?>("--min-margin") { Description = "Minimum gross margin on the sell price in percent, e.g. 20" };
        var command = new Command("markup", "Set a markup rule (item beats category beats default; no rule keeps the item's current markup)") { scope, tenant, markup, margin };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var text = cli.Parse.GetValue(scope)!;
            var parts = text.Split(':', 2);
            var rule = parts switch
            {
                ["default"] => new MarkupRule(MarkupScope.Default, "", cli.Parse.GetValue(markup), cli.Parse.GetValue(margin)),
                ["item", var id] => new MarkupRule(MarkupScope.Item, id, cli.Parse.GetValue(markup), cli.Parse.GetValue(margin)),
                ["category", var name] => new MarkupRule(MarkupScope.Category, name, cli.Parse.GetValue(markup), cli.Parse.GetValue(margin)),
                _ => throw new CliException($"'{text}' is not item:ID, category:NAME or default."),
            };
            if (rule.MinMarginPercent is < 0m or >= 100m || rule.MarkupPercent is < 0m)
            {
                throw new CliException("--markup must be 0 or more and --min-margin from 0 to below 100.");
            }

            await cli.Tenant(tenantName).Pricebook.SaveMarkupRuleAsync(rule, ct);
            cli.Output.Line("Saved.");
            return 0;
        }));
        return command;
    }

    private static PriceFileMapping Apply(PriceFileMapping mapping, IEnumerable<string> sets)
    {
        foreach (var set in sets)
        {
            var (field, value) = set.Split('=', 2) is [var f, var v] ? (f.Trim().ToLowerInvariant(), v.Trim()) : throw new CliException($"--set '{set}': expected field=Header.");
            var text = value.Length == 0 ? null : value;
            mapping = field switch
            {
                "sku" => mapping with { Sku = text },
                "description" => mapping with { Description = text },
                "unit" => mapping with { Unit = text },
                "price" => mapping with { Price = text ?? "" },
                "effective" => mapping with { Effective = text },
                "default-unit" => mapping with { DefaultUnit = text },
                _ => throw new CliException($"--set '{set}': the fields are {string.Join(", ", Fields)}."),
            };
        }

        return mapping;
    }
}

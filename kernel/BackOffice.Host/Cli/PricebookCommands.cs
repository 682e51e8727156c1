using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Domain.Pricebook;
using BackOffice.Store.Pricebook;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice pricebook import|mapping|resolve|markup` (issue 8).</summary>
public static class PricebookCommands
{
    public static Command Build() => new("pricebook", "Vendor price files, column mappings, match decisions and markup rules")
    {
        Import(), PricebookMappingCommand.Build(), PricebookMappingCommand.BuildResolve(), PricebookMappingCommand.BuildMarkup(),
    };

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "The vendor's price file (.csv or .xlsx)" };
        var tenant = CliOptions.Tenant();
        var vendor = new Option<string>("--vendor") { Description = "Vendor name, as in the pricebook's vendor_name", Required = true };
        var good = new Option<bool>("--accept-good-rows") { Description = "Import the good rows even when some rows are bad (each bad row is still listed)" };
        var command = new Command("import", "Import a vendor price file; with bad rows nothing is imported unless --accept-good-rows") { file, tenant, vendor, good };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var path = cli.Parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: no such file.");
            }

            var actor = cli.Parse.GetValue(CliOptions.As) ?? Environment.GetEnvironmentVariable("BACKOFFICE_USER") ?? "cli";
            PriceImportResult result;
            try
            {
                result = await PricebookImport.RunAsync(cli.Tenant(tenantName), path, cli.Parse.GetValue(vendor)!,
                    cli.Parse.GetValue(good), actor, cli.Get<TimeProvider>().GetUtcNow(), ct);
            }
            catch (PriceFileFormatException ex)
            {
                throw new CliException(ex.Message);
            }

            Print(cli, result);
            return result.File is null ? 2 : 0;
        }));
        return command;
    }

    private static void Print(CliContext cli, PriceImportResult result)
    {
        var bad = result.BadRows.Select(b => new JsonObject { ["id"] = b.Row, ["row"] = b.Row, ["reasons"] = string.Join("; ", b.Reasons) }).ToList();
        if (cli.Json)
        {
            cli.Output.WriteJson(new JsonObject
            {
                ["id"] = result.File?.Id,
                ["imported"] = result.File is not null,
                ["alreadyImported"] = result.AlreadyImported,
                ["lines"] = result.File is null ? 0 : result.GoodLines,
                ["mapping"] = PricebookImport.Describe(result.Mapping),
                ["mappingSaved"] = result.MappingSaved,
                ["badRows"] = new JsonArray(bad.Select(b => (JsonNode)b).ToArray()),
            });
            return;
        }

        cli.Output.Line(result.File is null
            ? $"Nothing imported: {result.BadRows.Count} bad row(s). Fix them, or import the {result.GoodLines} good line(s) alone with --accept-good-rows."
            : result.AlreadyImported
                ? $"Already imported as price file {result.File.Id} ({result.File.LineCount} lines); nothing changed."
                : $"Imported price file {result.File.Id} from {result.File.Vendor}: {result.GoodLines} line(s), {result.BadRows.Count} bad row(s) left out. " +
                  "Run `backoffice sweep --agent pricebook` to re-cost.");
        cli.Output.Line($"Mapping{(result.MappingSaved ? " (suggested from the header, now saved for this vendor)" : "")}: {PricebookImport.Describe(result.Mapping)}");
        if (bad.Count > 0)
        {
            cli.Output.Table(bad, ["row", "reasons"], "Bad rows:");
        }
    }
}

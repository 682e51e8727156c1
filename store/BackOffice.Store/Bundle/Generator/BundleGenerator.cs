using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Bundle.Generator;

/// <summary>
/// Writes a complete bundle of N jobs (issue 3: `backoffice generate`), importable by `backoffice import`, with
/// planted.json listing the discrepancies planted (none with Clean). It lives in the store beside the importer because
/// it writes the same format, from the same <see cref="BundleSchema"/>. One seeded <see cref="Random"/> drives names,
/// amounts and dates, so a seed always gives byte-identical files.
/// </summary>
public static class BundleGenerator
{
    public const string PlantedFileName = "planted.json";
    private const int VendorCount = 50;

    public static GeneratedBundle Write(string directory, GeneratorOptions options)
    {
        options.Validate();
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"{directory} is not empty; generate writes a new bundle into an empty or missing folder");
        }

        Directory.CreateDirectory(directory);
        var random = new Random(options.Seed);
        var plan = DriftPlan.Create(random, options.Jobs, options.Clean);
        long lines = 0;
        IReadOnlyList<string> files;
        using (var sink = new BundleCsvSink(directory))
        {
            var ledgerVendors = Shared(sink, random);
            var job = new GeneratedJob(sink, random, plan, ledgerVendors);
            for (var j = 0; j < options.Jobs; j++)
            {
                lines += job.Write(j, options.LinesPerJob);
            }

            if (!plan.Clean)
            {
                ClosedJob(sink, plan, ledgerVendors[0]);
            }

            files = [.. sink.Files.Order(StringComparer.Ordinal)];
        }

        WriteJson(Path.Combine(directory, BundleManifest.FileName), new JsonObject
        {
            ["format"] = BundleManifest.CurrentFormat, ["tenant"] = "generated", ["exported_at"] = "2026-11-15",
            ["project_system"] = "procore", ["ledger_system"] = "quickbooks-online",
        });
        WriteJson(Path.Combine(directory, PlantedFileName), Manifest(options, plan.Planted));
        return new GeneratedBundle(directory, files, plan.Planted, lines);
    }

    /// <summary>Chart of accounts, cost codes mapped to Subcontractors, and 50 vendors linked across the two systems.</summary>
    private static List<string> Shared(BundleCsvSink sink, Random random)
    {
        foreach (var (id, number, name, type) in new[]
        {
            ("acct-1000", "1000", "Operating Checking", "Bank"), ("acct-1200", "1200", "Accounts Receivable", "Accounts Receivable"),
            ("acct-2000", "2000", "Accounts Payable", "Accounts Payable"), ("acct-2100", "2100", "Company Card", "Credit Card"),
            ("acct-2150", "2150", "Retainage Payable", "Other Current Liability"), ("acct-4000", "4000", "Contract Revenue", "Income"),
            ("acct-5100", "5100", "Subcontractors", "Cost of Goods Sold"), ("acct-5300", "5300", "Equipment Rental", "Cost of Goods Sold"),
        })
        {
            sink.Add("ledger/accounts.csv", ("id", id), ("number", number), ("name", name), ("type", type), ("active", true));
        }

        foreach (var (code, description) in GeneratorNames.CostCodes)
        {
            sink.Add("project/cost-codes.csv", ("code", code), ("description", description));
            sink.Add("mappings/cost-code-accounts.csv", ("cost_code", code), ("account_id", "acct-5100"));
        }

        var names = GeneratorNames.Vendors(random, VendorCount);
        var ledger = new List<string>();
        for (var v = 0; v < names.Count; v++)
        {
            Vendor(sink, $"{v}", names[v].Project, names[v].Ledger);
            ledger.Add($"lv-{v}");
        }

        // Used only by the commitment-not-in-ledger plant; declared always so clean and planted bundles share vendors.
        Vendor(sink, "granite", "Granite Works", "Granite Works Inc");
        return ledger;
    }

    private static void Vendor(BundleCsvSink sink, string suffix, string projectName, string ledgerName)
    {
        sink.Add("project/vendors.csv", ("id", $"pv-{suffix}"), ("name", projectName), ("trade", projectName.Split(' ')[1]));
        sink.Add("ledger/vendors.csv", ("id", $"lv-{suffix}"), ("name", ledgerName), ("active", true));
        sink.Add("mappings/links.csv", ("id", $"link-v-{suffix}"), ("kind", "vendor"), ("project_id", $"pv-{suffix}"), ("ledger_id", $"lv-{suffix}"));
    }

    /// <summary>A job closed in January with a bill posted to it in March (cost-on-closed-job plant).</summary>
    private static void ClosedJob(BundleCsvSink sink, DriftPlan plan, string vendor)
    {
        sink.Add("project/jobs.csv", ("id", "job-closed"), ("number", "2025-090"), ("name", "Old Closed Job"), ("status", "closed"),
            ("contract_cents", 1_000_000L), ("substantial_completion_date", new DateOnly(2026, 1, 31)));
        sink.Add("ledger/customers.csv", ("id", "cust-closed"), ("name", "Old Closed Job"), ("fully_qualified_name", "Old Closed Job"),
            ("is_project", true), ("active", true));
        sink.Add("mappings/links.csv", ("id", "link-job-closed"), ("kind", "job"), ("project_id", "job-closed"), ("ledger_id", "cust-closed"));
        sink.Add("ledger/bills.csv", ("id", "bill-late"), ("vendor_id", vendor), ("doc_number", "LATE-1"), ("txn_date", new DateOnly(2026, 3, 1)),
            ("total_cents", 64_000L));
        sink.Add("ledger/bill-lines.csv", ("id", "bill-late-1"), ("bill_id", "bill-late"), ("line_no", 1L), ("account_id", "acct-5100"),
            ("customer_id", "cust-closed"), ("item", "01-000"), ("amount_cents", 64_000L));
        plan.Record(DriftPlan.CostOnClosedJob, "bill-late-1", "job-closed");
    }

    private static JsonObject Manifest(GeneratorOptions options, IReadOnlyList<PlantedItem> planted) => new()
    {
        ["seed"] = options.Seed, ["jobs"] = options.Jobs, ["lines_per_job"] = options.LinesPerJob, ["clean"] = options.Clean,
        ["planted"] = new JsonArray([.. planted.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["category"] = p.Category, ["job_id"] = p.JobId })]),
    };

    private static void WriteJson(string path, JsonNode node) =>
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>Reads the keys of a planted.json written by <see cref="Write"/>.</summary>
    public static IReadOnlyList<string> ReadPlantedKeys(string directory) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, PlantedFileName)))!["planted"]!.AsArray()
            .Select(n => (string)n!["key"]!).ToList();
}

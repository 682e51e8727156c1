using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Host.Composition;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Control;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Bench;

/// <summary>What the API load runs against: the data folder, the tenant, a token per department lead, and the agents' departments.</summary>
public sealed record ApiBenchTarget(string Data, string Tenant, IReadOnlyDictionary<string, string> TokenByDepartment, IReadOnlyDictionary<string, string> AgentDepartments);

/// <summary>
/// Prepares the tenant the API bench drives (issue 18): a generated tenant imported and swept by child processes,
/// then topped up with drafted bills submitted through the gate as the Financial agent until it holds the asked number
/// of proposals (a generated tenant's sweep drafts only a handful; the issue measured 6,000), and one lead per
/// department with an API token. A data folder that already holds the tenant is reused as it is.
/// </summary>
public sealed class ApiBenchTenant(string work, int jobs, int linesPerJob, int proposals, IProgress<string> progress)
{
    private static readonly string[] Departments = ["finance", "collections", "payroll", "estimating"];

    public async Task<ApiBenchTarget> PrepareAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(work, $"api-data-{jobs}");
        var tenant = $"bench{jobs}";
        if (!Directory.Exists(Path.Combine(data, "tenants", tenant)))
        {
            await GenerateAsync(data, tenant, cancellationToken);
        }

        var host = BackOfficeServices.CreateBuilder(new DataDirectory(data)).Build();
        await using var disposeHost = (IAsyncDisposable)host;
        var services = host.Services;
        await TopUpAsync(services.GetRequiredService<ProposalGate>(), services.GetRequiredService<TenantDataSource>().For(tenant), cancellationToken);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var department in Departments)
        {
            var user = $"bench-{department}";
            await services.GetRequiredService<UserDirectory>().AddAsync(user, "lead", department, tenant, "bench", cancellationToken);
            tokens[department] = await services.GetRequiredService<CredentialStore>().IssueTokenAsync(user, "api bench", "bench", cancellationToken);
        }

        return new ApiBenchTarget(data, tenant, tokens, new Dictionary<string, string>(services.GetRequiredService<GateOptions>().AgentDepartments));
    }

    private async Task GenerateAsync(string data, string tenant, CancellationToken cancellationToken)
    {
        progress.Report($"bench api: generating {jobs} jobs ({linesPerJob} bill lines each), importing and sweeping");
        var bundle = BenchBundles.Generate(work, jobs, linesPerJob);
        await BenchProcess.RunAsync(data, ["tenant", "create", tenant], cancellationToken);
        var import = await BenchProcess.RunAsync(data, ["import", "--tenant", tenant, bundle], cancellationToken);
        var sweep = await BenchProcess.RunAsync(data, ["sweep", "--tenant", tenant, "--as-of", "2026-11-27", "--full"], cancellationToken);
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"bench api: import {import.Seconds:F1} s, sweep {sweep.Seconds:F1} s"));
    }

    /// <summary>Submits drafted bills in batches of 500 until the tenant holds <c>proposals</c> proposals.</summary>
    private async Task TopUpAsync(ProposalGate gate, TenantData tenant, CancellationToken cancellationToken)
    {
        var have = (await gate.PageAsync(tenant, new ProposalPageQuery(null, null, null, 1, null), cancellationToken)).Total;
        progress.Report($"bench api: {have} proposals; submitting {Math.Max(0, proposals - have)} drafted bills through the gate");
        for (var next = have; next < proposals; next += 500)
        {
            var batch = Enumerable.Range((int)next, (int)Math.Min(500, proposals - next)).Select(Draft).ToList();
            await gate.SubmitAsync(tenant, Actor.Agent("financial"), batch, cancellationToken);
        }
    }

    private static ProposalDraft Draft(int n)
    {
        var amount = 100m + (n % 9000);
        var doc = string.Create(CultureInfo.InvariantCulture, $"BENCH-{n}");
        var payload = new JsonObject
        {
            ["vendor_id"] = $"v-{n % 50}", ["vendor_name"] = $"Bench Vendor {n % 50}", ["txn_date"] = "2026-11-20", ["due_date"] = "2026-12-20",
            ["doc_number"] = doc, ["memo"] = "API bench",
            ["lines"] = new JsonArray(new JsonObject
            {
                ["account_id"] = "acct-5400", ["customer_id"] = $"cust-{n % 1000}", ["cost_code"] = "03-300", ["description"] = "Bench line",
                ["amount"] = amount.ToString("F2", CultureInfo.InvariantCulture),
            }),
        };
        return new ProposalDraft("financial", CreateBillPayload.Kind, $"Draft bill {doc}", n % 4 == 0 ? RiskClass.Routine : RiskClass.Money,
            $"bench:bill:{n}", payload, [Figure.Usd("amount", amount, "api bench")], $"Bench invoice {doc} has no bill.", ["memo", "due_date"]);
    }
}

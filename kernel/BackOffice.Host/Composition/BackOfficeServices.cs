using BackOffice.Agents.Documents;
using BackOffice.Agents.Documents.Reports;
using BackOffice.Agents.Collections;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Gate.Executors;
using BackOffice.Kernel.Reports;
using BackOffice.Kernel.Sweeps;
using BackOffice.Kernel.Telemetry;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Audit;
using BackOffice.Store.Bundle;
using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Composition;

/// <summary>Composes the product: each layer offers one Add method and the host calls them (STYLE.md, eShop).</summary>
public static class BackOfficeServices
{
    public static HostApplicationBuilder CreateBuilder(DataDirectory data, bool serving = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddEnvironmentVariables("BACKOFFICE_");
        builder.Logging.ClearProviders();
        // Logs go to stderr so that `--json` output on stdout stays machine-readable.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!serving)
        {
            // A one-shot command prints its own results; only warnings and errors are logged beside them.
            builder.Logging.AddFilter("BackOffice", LogLevel.Warning);
        }

        builder.AddBackOffice(data);
        return builder;
    }

    /// <summary>
    /// The one composition root (issue 12): the CLI, `serve` and the test hosts all call this, so a service that one
    /// of them runs with (the model narrator, Qdrant memory) is the service all of them run with.
    /// </summary>
    public static IHostApplicationBuilder AddBackOffice(this IHostApplicationBuilder builder, DataDirectory data)
    {
        builder.AddBackOfficeStore(data);
        builder.AddBackOfficeKernel();
        builder.AddBackOfficeModel();
        builder.AddBackOfficeAgents();
        return builder;
    }

    public static void AddBackOfficeStore(this IHostApplicationBuilder builder, DataDirectory data)
    {
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TenantDataSource>();
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .Validate(o => o.Pbkdf2Iterations >= 1000 && o.SetupLinkHours > 0 && o.SessionHours > 0, "Auth: iterations >= 1000, hours positive")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthOptions>>().Value);
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<SetupLinks>();
        builder.Services.AddSingleton<AuditStore>();
        builder.Services.AddSingleton<TenantRegistry>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<AuditAnchors>();
        builder.Services.AddSingleton<BundleImporter>();
    }

    public static void AddBackOfficeKernel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<TelemetrySetup>();

        builder.Services.AddOptions<SchedulerOptions>().Bind(builder.Configuration.GetSection(SchedulerOptions.SectionName))
            .Validate(o => o.PollSeconds > 0 && o.MaxAttempts > 0 && o.FirstRetrySeconds > 0, "Scheduler: PollSeconds, MaxAttempts and FirstRetrySeconds must be positive")
            .ValidateOnStart();
        builder.Services.AddOptions<AgentsOptions>().Bind(builder.Configuration)
            .Validate(o => !o.InvalidSchedules().Any(), "An agent schedule is not a valid cron expression (see `backoffice agents list`)")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => GateOptionsFrom(sp, builder.Configuration));
        builder.Services.AddSingleton<ProposalGate>();
        builder.Services.AddSingleton<GateSwitches>();
        // One sandbox ledger: the bill executors reach it as ILedgerWriter, the reclass executor as itself (journal entries).
        builder.Services.AddSingleton<SandboxLedger>();
        builder.Services.AddSingleton<ILedgerWriter>(sp => sp.GetRequiredService<SandboxLedger>());
        builder.Services.AddSingleton<IActionExecutor, CreateBillExecutor>();
        builder.Services.AddSingleton<IProposalIntake, GateIntake>();
        builder.Services.AddSingleton<SweepRunner>();
        builder.Services.AddHostedService<SweepScheduler>();
        builder.Services.AddSingleton<IReport, FindingsReport>();
        builder.Services.AddSingleton<IReport, LedgerBillsReport>();
    }

    public static void AddBackOfficeAgents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FinancialOptions>().Bind(builder.Configuration.GetSection(FinancialOptions.SectionName))
            .Validate(o => o.Valid, "Agents:financial: LaborBurdenPercent 0-200, OverheadPercent 0-100").ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<FinancialOptions>>().Value);
        builder.Services.AddSingleton<IAgent, FinancialAgent>();
        // Workforce (issue 7): settings by key so a tenant can override its workweek start; the sandbox payroll outbox.
        builder.Services.AddSingleton(new BackOffice.Agents.Workforce.WorkforceSettings(key => builder.Configuration[key]));
        builder.Services.AddSingleton<IAgent, BackOffice.Agents.Workforce.WorkforceAgent>();
        builder.Services.AddSingleton<IReport, BackOffice.Agents.Workforce.Reports.PayrollCheckReport>();
        builder.Services.AddSingleton<IReport, BackOffice.Agents.Workforce.Reports.StaffingReport>();
        builder.Services.AddSingleton<BackOffice.Store.Workforce.WorkforceOutbox>();
        builder.Services.AddSingleton<IActionExecutor, PayrollAdjustmentExecutor>();
        builder.Services.AddSingleton<IActionExecutor, StaffingAlertExecutor>();
        builder.Services.AddOptions<BackOffice.Agents.Pricebook.PricebookOptions>().Bind(builder.Configuration.GetSection(BackOffice.Agents.Pricebook.PricebookOptions.SectionName));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<BackOffice.Agents.Pricebook.PricebookOptions>>().Value);
        builder.Services.AddSingleton<IAgent, BackOffice.Agents.Pricebook.PricebookAgent>();
        builder.Services.AddSingleton<IReport, BackOffice.Agents.Pricebook.PricebookChangesReport>();
        builder.Services.AddSingleton<BackOffice.Store.Pricebook.PricebookWriter>();
        builder.Services.AddSingleton<IActionExecutor, PricebookUpdateExecutor>();
        // Documents agent, issue 6: its options (section "Documents"), its three reports and its filing executor.
        builder.Services.AddOptions<DocumentsOptions>().Bind(builder.Configuration.GetSection(DocumentsOptions.SectionName));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentsOptions>>().Value);
        builder.Services.AddSingleton<IAgent, DocumentsAgent>();
        builder.Services.AddSingleton<IReport, DocumentsReport>().AddSingleton<IReport, ApExceptionsReport>().AddSingleton<IReport, CoiExpiringReport>();
        builder.Services.AddSingleton<IActionExecutor, FileDocumentExecutor>();
        // Collections (issue 5): agent, reports, the two executors and the outbox's delivery runner.
        builder.Services.AddOptions<CollectionsOptions>().Bind(builder.Configuration.GetSection(CollectionsOptions.SectionName))
            .Validate(o => o.Problems().Count == 0, "Collections settings are invalid (levels, buckets or PayByDays)").ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.DeliveryDelayMinutes >= 0 && o.PollSeconds > 0, "Outbox: DeliveryDelayMinutes >= 0 and PollSeconds > 0").ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<CollectionsOptions>>().Value);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value);
        builder.Services.AddSingleton<IAgent, CollectionsAgent>();
        builder.Services.AddSingleton<IReport, AgingReport>();
        builder.Services.AddSingleton<IReport, CollectionsQueueReport>();
        builder.Services.AddSingleton<IActionExecutor, SendMessageExecutor>();
        builder.Services.AddSingleton<IActionExecutor, RecordPromiseExecutor>();
        builder.Services.AddHostedService<OutboxDeliveryService>();
        // Issue 3: link and reclass executors, the Financial reports.
        builder.Services.AddSingleton<IActionExecutor, LinkRecordsExecutor>();
        builder.Services.AddSingleton<IActionExecutor, ReclassJournalExecutor>();
        builder.Services.AddSingleton<IActionExecutor, ChangeOrderNoteExecutor>();
        builder.Services.AddSingleton<IReport, ReconciliationReport>();
        builder.Services.AddSingleton<IReport, VarianceReport>();
        builder.Services.AddSingleton<IReport, WipReport>();
        builder.Services.AddSingleton<IReport, MarginReport>();
        builder.Services.AddSingleton<IReport, CashForecastReport>();
    }

    /// <summary>Each agent's department: appsettings.json `Agents:NAME:Department`, else the agent's own default.</summary>
    private static GateOptions GateOptionsFrom(IServiceProvider services, IConfiguration configuration)
    {
        var agents = services.GetRequiredService<IOptions<AgentsOptions>>().Value;
        var departments = services.GetServices<IAgent>().ToDictionary(
            a => a.Name,
            a => agents.Agents.TryGetValue(a.Name, out var o) && o.Department is not null ? o.Department : a.Department,
            StringComparer.Ordinal);
        return new GateOptions
        {
            AgentDepartments = departments,
            ExecutionLeaseSeconds = configuration.GetValue("Gate:ExecutionLeaseSeconds", 300),
        };
    }
}

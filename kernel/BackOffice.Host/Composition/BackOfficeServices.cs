using BackOffice.Agents.Collections;
using BackOffice.Agents.Documents;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Pricebook;
using BackOffice.Agents.Workforce;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Reports;
using BackOffice.Kernel.Sweeps;
using BackOffice.Kernel.Telemetry;
using BackOffice.Store.Audit;
using BackOffice.Store.Bundle;
using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using BackOffice.Store.Sandbox;
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
        builder.AddBackOfficeQuickBooks(data);
        builder.AddBackOfficeProcore();
        builder.AddScheduledSyncs();
        // Issue 18: serve's own loops on SQLite, Quartz's clustered job store on PostgreSQL.
        builder.AddSchedulingLoops();
        builder.AddBackOfficeModel();
        builder.AddBackOfficeAgents();
        // Issue 17: every report (the kernel's and the agents') reuses its table until the tenant's data changes.
        CachedReport.DecorateAll(builder.Services);
        return builder;
    }

    public static void AddBackOfficeStore(this IHostApplicationBuilder builder, DataDirectory data)
    {
        if (builder.Configuration["Audit:KeyFile"] is { Length: > 0 } auditKeyFile)
        {
            // Issue 19: the audit key may live somewhere the database writer cannot reach (another volume, a secret mount).
            data.UseAuditKeyFile(auditKeyFile);
        }

        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(TimeProvider.System);
        // Issue 18: registered by factory so the container owns the engine and closes a PostgreSQL pool when the host is
        // disposed (an instance registration is never disposed). The options are still checked here, before anything starts.
        var store = CheckedStoreOptions(builder.Configuration);
        builder.Services.AddSingleton<StoreEngine>(_ => StoreEngineFrom(store, data));
        builder.Services.AddSingleton<TenantDataSource>();
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .Validate(o => o.IsValid, "Auth: iterations >= 1000, hours and days positive, ApiTokenDays <= ApiTokenMaxDays")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthOptions>>().Value);
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<SetupLinks>();
        builder.Services.AddSingleton<SignInThrottleStore>();
        builder.Services.AddSingleton<OAuthStateStore>();
        builder.Services.AddSingleton<AuditStore>();
        builder.Services.AddSingleton<TenantRegistry>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<AuditAnchors>();
        builder.Services.AddSingleton<AuditChains>();
        builder.Services.AddHostedService<StagedMoveRecovery>();
        builder.Services.AddSingleton<BundleImporter>();
        builder.Services.AddSingleton<BackOffice.Kernel.Exports.ExportImporter>();
        builder.Services.AddSingleton<BackOffice.Store.Exports.ExportUploadStore>();
    }

    /// <summary>
    /// Issue 18: the engine is chosen and checked before anything else starts: SQLite files (the embedded default) or
    /// one PostgreSQL database with row-level security, whose migrations the first unit of work applies.
    /// </summary>
    private static StoreOptions CheckedStoreOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
        options.Validate();
        if (options.Provider == StoreOptions.Postgres)
        {
            BackOffice.Store.Postgres.PostgresPorting.ThrowIfNotPorted();
        }

        return options;
    }

    private static StoreEngine StoreEngineFrom(StoreOptions options, DataDirectory data) =>
        options.Provider == StoreOptions.Postgres
            ? new BackOffice.Store.Postgres.PostgresEngine(options, [QuartzSchema.Script()])
            : new BackOffice.Store.Sqlite.SqliteEngine(data);

    public static void AddBackOfficeKernel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        builder.Services.AddBackOfficeTelemetry(builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions());

        builder.Services.AddOptions<SchedulerOptions>().Bind(builder.Configuration.GetSection(SchedulerOptions.SectionName))
            .Validate(o => o.PollSeconds > 0 && o.MaxAttempts > 0 && o.FirstRetrySeconds > 0 && o.ClusterCheckinMilliseconds > 0,
                "Scheduler: PollSeconds, MaxAttempts, FirstRetrySeconds and ClusterCheckinMilliseconds must be positive")
            .ValidateOnStart();
        builder.Services.AddOptions<AgentsOptions>().Bind(builder.Configuration)
            .Validate(o => !o.InvalidSchedules().Any(), "An agent schedule is not a valid cron expression (see `backoffice agents list`)")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => GateOptionsFrom(sp, builder.Configuration));
        builder.Services.AddSingleton<ProposalGate>();
        builder.Services.AddSingleton<GateSwitches>();
        // One sandbox ledger: the bill executors reach it through the tenant's target (QuickBooksServices, issue 13),
        // the reclass executor as itself (journal entries).
        builder.Services.AddSingleton<SandboxLedger>();
        builder.Services.AddSingleton<IProposalIntake, GateIntake>();
        builder.Services.AddSingleton<SweepRunner>();
        builder.Services.AddSingleton<IReport, FindingsReport>();
        builder.Services.AddSingleton<IReport, LedgerBillsReport>();
    }

    /// <summary>
    /// Each agent slice registers its agent, options, reports and executors (issue 12); the order is the agents' sweep
    /// order. The outbox's delivery runner is the kernel's, so it is registered here.
    /// </summary>
    public static void AddBackOfficeAgents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddFinancialAgent(builder.Configuration);
        builder.Services.AddWorkforceAgent(builder.Configuration);
        builder.Services.AddPricebookAgent(builder.Configuration);
        builder.Services.AddDocumentsAgent(builder.Configuration);
        builder.Services.AddCollectionsAgent(builder.Configuration);
        builder.Services.AddHostedService<OutboxDeliveryService>();
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
            AmountLimits = AmountLimitsFrom(configuration.GetSection("Gate:AmountLimits")),
        };
    }

    /// <summary>
    /// Issue 19: `Gate:AmountLimits:DEPARTMENT:ROLE = AMOUNT`, read as invariant decimals and checked at start: a role that
    /// is not lead or admin (only they act on money) or an amount that is not a positive number stops the start.
    /// </summary>
    private static Dictionary<string, IDictionary<string, decimal>> AmountLimitsFrom(IConfigurationSection section)
    {
        var limits = new Dictionary<string, IDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var department in section.GetChildren())
        {
            var roles = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var role in department.GetChildren())
            {
                var where = $"Gate:AmountLimits:{department.Key}:{role.Key}";
                if (role.Key is not ("lead" or "admin"))
                {
                    throw new OptionsValidationException(where, typeof(GateOptions), [$"{where}: the role must be lead or admin"]);
                }

                if (!decimal.TryParse(role.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) || amount <= 0)
                {
                    throw new OptionsValidationException(where, typeof(GateOptions), [$"{where}: '{role.Value}' is not a positive amount such as 25000.00"]);
                }

                roles[role.Key] = amount;
            }

            limits[department.Key] = roles;
        }

        return limits;
    }
}

using BackOffice.Host.Connectors;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Keys;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Composition;

/// <summary>The QuickBooks Online connector (issue 13): options, token protection, the client, sync and the ledger target.</summary>
public static class QuickBooksServices
{
    public static void AddBackOfficeQuickBooks(this IHostApplicationBuilder builder, DataDirectory data)
    {
        builder.Services.AddOptions<QuickBooksOptions>().Bind(builder.Configuration.GetSection(QuickBooksOptions.SectionName))
            .Validate(o => !o.Problems().Any(), "QuickBooks options are not valid (URLs absolute, MinorVersion >= 75, PageSize 1-1000, MaxConcurrentPerRealm 1-10, MaxRequestsPerMinute 1-500)")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<QuickBooksOptions>>().Value);
        builder.Services.AddDataProtection()
            .SetApplicationName("backoffice")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.Root, "keys")));
        // Issue 13: tokens are encrypted with the configured key (AES-GCM, key id beside each ciphertext); Data Protection
        // only reads the rows written before, until `connections rekey` rewrites them.
        builder.Services.AddOptions<ConnectorKeyOptions>().Bind(builder.Configuration.GetSection(ConnectorKeyOptions.SectionName));
        builder.Services.AddSingleton(sp => new ConnectorKeyRing(
            sp.GetRequiredService<IOptions<ConnectorKeyOptions>>().Value, Path.Combine(data.Root, "keys", "connectors.key")));
        builder.Services.AddSingleton<DataProtectionTokenProtector>();
        builder.Services.AddSingleton<ITokenProtector>(sp => new KeyedTokenProtector(
            sp.GetRequiredService<ConnectorKeyRing>(), sp.GetRequiredService<DataProtectionTokenProtector>()));
        builder.Services.AddSingleton<ConnectorKeyCheck>();
        builder.Services.AddHostedService<ConnectorKeyStartupCheck>();
        // One HttpClient for the process; Intuit times requests out after 120 s (qbo.md section 2).
        builder.Services.AddKeyedSingleton(QuickBooksOptions.SectionName, (_, _) => new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
        builder.Services.AddSingleton(sp => new QuickBooksOAuth(Http(sp), sp.GetRequiredService<QuickBooksOptions>()));
        builder.Services.AddSingleton<QuickBooksTokens>();
        builder.Services.AddSingleton(sp => new QuickBooksApi(Http(sp), sp.GetRequiredService<QuickBooksOptions>(),
            sp.GetRequiredService<QuickBooksTokens>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<QuickBooksApi>>()));
        builder.Services.AddSingleton<QuickBooksSync>();
        builder.Services.AddSingleton<QuickBooksChangeFetch>();
        // Issue 13: each webhook operation and what the sync did with it, in the reports list (CLI, API, console).
        builder.Services.AddSingleton<BackOffice.Kernel.Abstractions.Reports.IReport, BackOffice.Kernel.Reports.QuickBooksEventsReport>();
        builder.Services.AddSingleton<ConnectionAudit>();
        builder.Services.AddSingleton<QuickBooksConnections>();
        builder.Services.AddSingleton<QuickBooksLists>();
        // Issue 16: retainage payable per subcontractor and job reads a synced vendor line's job from its class.
        builder.Services.AddSingleton<ILedgerClassJobs>(sp => sp.GetRequiredService<QuickBooksLists>());
        builder.Services.AddSingleton<QuickBooksLedgerWriter>();
        // The bill executors write to each tenant's target: the sandbox ledger unless an admin chose QuickBooks.
        builder.Services.AddSingleton<ILedgerWriter>(sp => new TargetedLedgerWriter(
            sp.GetRequiredService<SandboxLedger>(), sp.GetRequiredService<QuickBooksLedgerWriter>()));
        // Issue 13: so do the journal-entry executors (reclass, retainage, allowance).
        builder.Services.AddSingleton<QuickBooksJournalWriter>();
        builder.Services.AddSingleton<IJournalWriter>(sp => new TargetedJournalWriter(
            sp.GetRequiredService<SandboxLedger>(), sp.GetRequiredService<QuickBooksJournalWriter>()));
        // And the owner-invoice executor (ledger.create-invoice).
        builder.Services.AddSingleton<QuickBooksInvoiceWriter>();
        builder.Services.AddSingleton<IInvoiceWriter>(sp => new TargetedInvoiceWriter(
            sp.GetRequiredService<SandboxLedger>(), sp.GetRequiredService<QuickBooksInvoiceWriter>()));
    }

    private static HttpClient Http(IServiceProvider services) => services.GetRequiredKeyedService<HttpClient>(QuickBooksOptions.SectionName);
}

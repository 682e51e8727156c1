using BackOffice.Agents.Collections.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Agents.Collections;

/// <summary>
/// The Collections slice in one call (issues 5 and 12): options (its own and the outbox's), agent, reports and its two
/// executors. The outbox's delivery runner is a hosted service of the kernel, which the host registers.
/// </summary>
public static class CollectionsServices
{
    public static IServiceCollection AddCollectionsAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CollectionsOptions>().Bind(configuration.GetSection(CollectionsOptions.SectionName))
            .Validate(o => o.Problems().Count == 0, "Collections settings are invalid (levels, buckets, PayByDays or Allowance)").ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.DeliveryDelayMinutes >= 0 && o.PollSeconds > 0, "Outbox: DeliveryDelayMinutes >= 0 and PollSeconds > 0").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CollectionsOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value);
        services.AddSingleton<IAgent, CollectionsAgent>();
        services.AddSingleton<IReport, AgingReport>();
        services.AddSingleton<IReport, AgingDetailReport>();
        // Issue 16: aging by invoice date, the allowance for doubtful accounts and its adjusting entry.
        services.AddSingleton<IReport>(sp => new AgingReport(sp.GetRequiredService<CollectionsOptions>(), Tools.Collections.AgingBasis.InvoiceDate));
        services.AddSingleton<IReport, AllowanceReport>();
        services.AddSingleton<IReportDocument, AgingPdf>();
        services.AddSingleton<IActionExecutor, AllowanceEntryExecutor>();
        services.AddSingleton<IReport, CollectionsQueueReport>();
        services.AddSingleton<IActionExecutor, SendMessageExecutor>();
        services.AddSingleton<IActionExecutor, RecordPromiseExecutor>();
        return services;
    }
}

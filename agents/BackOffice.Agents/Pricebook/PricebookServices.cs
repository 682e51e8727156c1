using BackOffice.Agents.Pricebook.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Pricebook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Agents.Pricebook;

/// <summary>The Pricebook slice in one call (issues 8 and 12): agent, options, report, the pricebook writer and its executor.</summary>
public static class PricebookServices
{
    public static IServiceCollection AddPricebookAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PricebookOptions>().Bind(configuration.GetSection(PricebookOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PricebookOptions>>().Value);
        services.AddSingleton<IAgent, PricebookAgent>();
        services.AddSingleton<IReport, PricebookChangesReport>();
        services.AddSingleton<PricebookWriter>();
        services.AddSingleton<IActionExecutor, PricebookUpdateExecutor>();
        return services;
    }
}

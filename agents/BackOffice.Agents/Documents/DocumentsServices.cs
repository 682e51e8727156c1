using BackOffice.Agents.Documents.Actions;
using BackOffice.Agents.Documents.Reports;
using BackOffice.Agents.Ledger;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Agents.Documents;

/// <summary>
/// The Documents slice in one call (issues 6 and 12): its options (section "Documents"), agent, three reports, its
/// filing executor and the bill executor it shares with the Financial agent.
/// </summary>
public static class DocumentsServices
{
    public static IServiceCollection AddDocumentsAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentsOptions>().Bind(configuration.GetSection(DocumentsOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentsOptions>>().Value);
        services.AddSingleton<IAgent, DocumentsAgent>();
        services.AddSingleton<IReport, DocumentsReport>().AddSingleton<IReport, ApExceptionsReport>().AddSingleton<IReport, CoiExpiringReport>();
        // Issue 16: every bill's three-way match, matched or not, with its variances.
        services.AddSingleton<IReport, ThreeWayMatchReport>();
        services.AddSingleton<IActionExecutor, FileDocumentExecutor>();
        services.AddCreateBillAction();
        return services;
    }
}

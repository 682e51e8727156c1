using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Agents.Ledger;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Agents.Financial;

/// <summary>The Financial slice in one call (issue 12): agent, options, reports and the executors of what it proposes.</summary>
public static class FinancialServices
{
    public static IServiceCollection AddFinancialAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FinancialOptions>().Bind(configuration.GetSection(FinancialOptions.SectionName))
            .Configure(o => configuration.GetSection(Workforce.LaborBurdenOptions.SectionName).Bind(o.EmployeeBurden))
            .Configure(o => o.WorkweekStart = configuration["Agents:workforce:WorkweekStart"] is not { } day ? DayOfWeek.Monday
                : Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var start) ? start : (DayOfWeek)(-1))
            .Validate(o => o.Valid, FinancialOptions.ValidRule).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FinancialOptions>>().Value);
        services.AddSingleton<IAgent, FinancialAgent>();
        services.AddCreateBillAction();
        // Issue 3: link, reclass and change-order note executors, the Financial reports.
        services.AddSingleton<IActionExecutor, LinkRecordsExecutor>();
        services.AddSingleton<IActionExecutor, ReclassJournalExecutor>();
        services.AddSingleton<IActionExecutor, ChangeOrderNoteExecutor>();
        services.AddSingleton<IActionExecutor, RetainageEntryExecutor>();
        services.AddSingleton<IActionExecutor, OwnerInvoiceExecutor>();
        services.AddSingleton<IReport, ReconciliationReport>();
        services.AddSingleton<IReport, VarianceReport>();
        services.AddSingleton<IReport, CostDetailReport>();
        services.AddSingleton<IReport, WipReport>();
        services.AddSingleton<IReport, MarginReport>();
        services.AddSingleton<IReport, CashForecastReport>();
        // Issue 16: the AIA G702/G703 pay application, as tables and as an xlsx/pdf packet.
        services.AddSingleton<IReport, G702Report>();
        services.AddSingleton<IReport, G703Report>();
        services.AddSingleton<IReportDocument, G702Packet>();
        services.AddSingleton<IReport, EarnedValueReport>();
        services.AddSingleton<IReport, ScheduleVarianceReport>();
        services.AddSingleton<IReport, RetainageReport>();
        // Issue 16: WIP by period, its closing figures and its PDF.
        services.AddSingleton<Wip.WipPeriods>();
        services.AddSingleton<WipPeriodReport>();
        services.AddSingleton<IReport>(sp => sp.GetRequiredService<WipPeriodReport>());
        services.AddSingleton<IReportDocument, Wip.WipPeriodPdf>();
        return services;
    }
}

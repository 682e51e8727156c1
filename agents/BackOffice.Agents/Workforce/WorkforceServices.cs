using BackOffice.Agents.Workforce.Actions;
using BackOffice.Agents.Workforce.Reports;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Workforce;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Agents.Workforce;

/// <summary>The Workforce slice in one call (issues 7 and 12): agent, settings, reports, the sandbox payroll outbox and its executors.</summary>
public static class WorkforceServices
{
    public static IServiceCollection AddWorkforceAgent(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings by key so a tenant can override its workweek start.
        services.AddSingleton(new WorkforceSettings(key => configuration[key]));
        services.AddSingleton<IAgent, WorkforceAgent>();
        services.AddSingleton<IReport, PayrollCheckReport>();
        services.AddSingleton<IReport, StaffingReport>();
        // Issue 16: the labor burden calculator's components, validated at start, and its report.
        services.AddOptions<LaborBurdenOptions>().Bind(configuration.GetSection(LaborBurdenOptions.SectionName))
            .Validate(o => o.Valid, $"{LaborBurdenOptions.SectionName}: PaidHours and HoursWorked above 0; each component needs a name and non-negative rate and wage base").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LaborBurdenOptions>>().Value);
        services.AddSingleton<IReport, LaborBurdenReport>();
        services.AddSingleton<WorkforceOutbox>();
        services.AddSingleton<IActionExecutor, PayrollAdjustmentExecutor>();
        services.AddSingleton<IActionExecutor, StaffingAlertExecutor>();
        return services;
    }
}

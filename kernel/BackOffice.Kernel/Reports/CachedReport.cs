using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Kernel.Reports;

/// <summary>A registered report whose tables come from the <see cref="ReportCache"/> until the tenant's data changes (issue 17).</summary>
public sealed class CachedReport(IReport inner, ReportCache cache) : IReport
{
    public string Name => inner.Name;

    public string Description => inner.Description;

    public Store.Tenancy.ChangeScope Reads => inner.Reads;

    /// <summary>The report that computes the table.</summary>
    public IReport Inner => inner;

    public Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken) =>
        cache.GetOrRunAsync(inner, request, cancellationToken);

    /// <summary>
    /// Wraps every <see cref="IReport"/> registered so far in a <see cref="CachedReport"/>, so the CLI, the API, the
    /// console pages and the dashboard share one cache without knowing of it. Call after the agents registered theirs.
    /// </summary>
    public static void DecorateAll(IServiceCollection services)
    {
        services.AddSingleton<ReportCache>();
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IReport) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(typeof(IReport), sp => new CachedReport(Create(sp, descriptor), sp.GetRequiredService<ReportCache>()), descriptor.Lifetime);
        }
    }

    private static IReport Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IReport
        ?? (descriptor.ImplementationFactory is { } factory ? (IReport)factory(services)
            : (IReport)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

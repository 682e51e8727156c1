using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Agents.Ledger;

/// <summary>
/// The ledger actions more than one agent proposes (issue 12): the Financial and the Documents agent both draft bills.
/// Each of them calls this; the executor is registered once however many do.
/// </summary>
public static class LedgerActions
{
    /// <summary>Needs an <see cref="BackOffice.Store.Ledger.ILedgerWriter"/>, which the kernel registers (the sandbox ledger).</summary>
    public static IServiceCollection AddCreateBillAction(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, CreateBillExecutor>());
        return services;
    }
}

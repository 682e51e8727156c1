using BackOffice.Store.Bundle;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Host.Composition;

/// <summary>
/// Issue 19: at host start-up, every tenant's import that committed but crashed before moving its raw files gets them
/// moved into place (once: the token is forgotten after the move), and staging an import left uncommitted more than
/// <see cref="UncommittedAge"/> ago is deleted. Younger staging is left: a CLI import may be running beside the host.
/// </summary>
public sealed partial class StagedMoveRecovery(TenantRegistry tenants, TenantDataSource source, TimeProvider clock, ILogger<StagedMoveRecovery> logger)
    : IHostedService
{
    public static readonly TimeSpan UncommittedAge = TimeSpan.FromHours(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var (finished, discarded) = await BundleFileMoves.RecoverAsync(source.For(tenant.Id), clock.GetUtcNow() - UncommittedAge, cancellationToken);
            if (finished + discarded > 0)
            {
                Recovered(logger, tenant.Id, finished, discarded);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: finished {Finished} file moves of committed imports and deleted {Discarded} uncommitted stagings left by a crash")]
    private static partial void Recovered(ILogger logger, string tenant, int finished, int discarded);
}

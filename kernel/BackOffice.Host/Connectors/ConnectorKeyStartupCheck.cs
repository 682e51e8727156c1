using BackOffice.Store.Connectors.Keys;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Host.Connectors;

/// <summary>
/// Issue 13: `serve` refuses to start when a live connection's tokens cannot be decrypted with the configured keys,
/// with one plain error naming Connectors:EncryptionKey and each connection, instead of running until a sync fails or
/// quietly asking for a new connection. Command-line verbs meet the same <see cref="ConnectorKeyException"/> when they
/// read a token.
/// </summary>
public sealed class ConnectorKeyStartupCheck(TenantRegistry tenants, TenantDataSource source, ConnectorKeyCheck check) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            problems.AddRange(await check.ProblemsAsync(source.For(tenant.Id), cancellationToken));
        }

        if (problems.Count > 0)
        {
            throw new ConnectorKeyException(
                "Connector tokens cannot be decrypted with the configured key (Connectors:EncryptionKey, Connectors:EncryptionKeyFile, " +
                "Connectors:PreviousKeys); nothing was reconnected: " + string.Join("; ", problems));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

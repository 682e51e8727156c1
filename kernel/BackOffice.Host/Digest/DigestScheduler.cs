using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Host.ApprovalConsole;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Hosting;
using BackOffice.Store.Audit;
using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Digest;

/// <summary>
/// `backoffice serve` (issue 17): once a day per tenant, at the configured local time, queues each approver's digest
/// in the tenant's outbox (delivered by the outbox runner: SMTP when configured, else .eml files). The day sent is
/// stored (digest_runs) with a `digest.sent` audit event in one unit after the messages are queued; each message's
/// key is the day and the person, so a restart between the two queues nothing twice.
/// </summary>
public sealed partial class DigestScheduler(
    TenantRegistry tenants, TenantDataSource data, UserDirectory users, ProposalGate gate, AuditStore audit, TimeProvider clock,
    IOptions<DigestOptions> options, IOptions<ConsoleOptions> console, ILogger<DigestScheduler> logger) : PollingService(logger)
{
    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task TickAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Enabled)
        {
            await RunDueAsync(stoppingToken);
        }
    }

    /// <summary>Queues the digests of every tenant whose time has come today and has none sent today; the number of messages queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), console.Value.ZoneFor(tenant.Id));
            var today = DateOnly.FromDateTime(local.DateTime);
            var path = data.For(tenant.Id);
            if (TimeOnly.FromDateTime(local.DateTime) < options.Value.TimeFor(tenant.Id) || await path.Digests.LastSentOnAsync(cancellationToken) >= today)
            {
                continue;
            }

            queued += await SendAsync(path, today, cancellationToken);
        }

        return queued;
    }

    private async Task<int> SendAsync(TenantData path, DateOnly today, CancellationToken cancellationToken)
    {
        var proposals = await gate.ListAsync(path, new ProposalFilter(ProposalStates.Proposed), cancellationToken);
        var people = (await users.ListAsync(cancellationToken)).Where(u => u.Tenant is null || u.Tenant == path.Tenant).ToList();
        var sent = new JsonArray();
        var refs = await RecordRefs.LoadAsync(path, proposals.Select(p => p.Title), cancellationToken);
        foreach (var user in people)
        {
            if (ApproverDigest.Compose(path.Tenant, CallerResolver.ToActor(user), proposals, gate, console.Value.ZoneFor(path.Tenant), options.Value.ConsoleUrl, refs) is not { } digest)
            {
                continue;
            }

            if (!options.Value.Emails.TryGetValue(user.Id, out var address))
            {
                LogNoAddress(user.Id, path.Tenant, digest.ProposalIds.Count);
                continue;
            }

            var key = $"digest-{today:yyyy-MM-dd}-{user.Id}";
            await path.Outbox.EnqueueAsync(new OutboxRequest(key, null, "email", address, digest.Subject, digest.Body, null, "digest"), TimeSpan.Zero, cancellationToken);
            sent.Add(new JsonObject { ["user"] = user.Id, ["proposals"] = digest.ProposalIds.Count, ["total"] = digest.Total.ToString("0.00", CultureInfo.InvariantCulture) });
        }

        await using var unit = await path.WriteAsync(cancellationToken);
        await path.Digests.MarkSentAsync(unit, today, sent.Count, cancellationToken);
        await audit.AppendAsync(unit, "digest", "digest.sent", $"digest:{today:yyyy-MM-dd}", new JsonObject { ["day"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["messages"] = sent }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        LogSent(path.Tenant, sent.Count, today);
        return sent.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest: {User} of tenant {Tenant} has {Count} proposals waiting but no Console:Digest:Emails address; no digest sent.")]
    private partial void LogNoAddress(string user, string tenant, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest: tenant {Tenant}, {Count} messages queued for {Day}.")]
    private partial void LogSent(string tenant, int count, DateOnly day);
}

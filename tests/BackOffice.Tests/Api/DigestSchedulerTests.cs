using BackOffice.Host.ApprovalConsole;
using BackOffice.Host.Digest;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Collections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 17: the approvers' daily digest. acme has one money proposal of $16,560.00 from the Financial agent; dana is
/// the finance lead who may approve it, alex an approver and vic a viewer who may not. The clock is a FakeTimeProvider;
/// acme's console time zone is America/Los_Angeles (UTC-8 in November), the digest time 07:00.
/// </summary>
public sealed class DigestSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset BeforeSeven = new(2026, 11, 20, 14, 59, 0, TimeSpan.Zero); // 06:59 PST
    private readonly List<ConsoleFactory> _factories = [];
    private readonly LoopbackSmtpServer _smtp = new();

    public void Dispose()
    {
        _smtp.Dispose();
        _factories.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task RunDue_AtTheLocalTime_QueuesTheApproversDigestAndSmtpDeliversIt()
    {
        var (factory, clock) = Start();
        var scheduler = Scheduler(factory, clock);

        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));
        var delivered = await new OutboxDelivery(new OutboxOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, EnableSsl = false } }, clock)
            .DeliverDueAsync(Tenant(factory, clock), CancellationToken.None);

        Assert.Equal(1, delivered.Delivered);
        var (recipients, data) = Assert.Single(_smtp.Messages);
        Assert.Equal(["dana@example.com"], recipients);
        Assert.Contains("Subject: Waiting for you in acme: 1 proposal, $16,560.00", data, StringComparison.Ordinal);
        Assert.Contains("Message-Id: <digest-2026-11-20-dana@backoffice>", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("- Proposal 1: ", data, StringComparison.Ordinal);
        Assert.Contains("From the financial agent, Money risk, $16,560.00 at stake, waiting since", data, StringComparison.Ordinal);
        Assert.Contains("https://bo.example.com/t/acme/proposals/1", data, StringComparison.Ordinal);
        Assert.Contains("Total: 1 proposal, $16,560.00 (Money risk: 1 proposal, $16,560.00).", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDue_LaterTheSameDayAndAfterARestart_NothingTwice_TheNextDayAgain()
    {
        var (factory, clock) = Start();
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await Scheduler(factory, clock).RunDueAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(10));
        var restarted = Scheduler(factory, clock); // a new process: only the stored day says it was sent
        Assert.Equal(0, await restarted.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(14)); // 07:05 on Nov 21, local

        Assert.Equal(1, await restarted.RunDueAsync(CancellationToken.None));
        var outbox = await Tenant(factory, clock).Outbox.ListAsync(CancellationToken.None);
        Assert.Equal(["digest-2026-11-20-dana", "digest-2026-11-21-dana"], outbox.Select(m => m.IdempotencyKey));
        var events = await AuditEventsAsync(Tenant(factory, clock));
        Assert.Equal(2, events.Count(e => e.Kind == "digest.sent"));
    }

    [Theory]
    [InlineData("16559.99", 0)] // above dana's limit: a role with a higher limit must approve it, so it does not wait for her
    [InlineData("16560", 1)]
    public async Task RunDue_AmountAboveTheLeadsLimit_NotInHerDigest(string limit, int expected)
    {
        var (factory, clock) = Start(new() { ["Gate:AmountLimits:finance:lead"] = limit });
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(expected, await Scheduler(factory, clock).RunDueAsync(CancellationToken.None));
        Assert.Equal(expected, (await Tenant(factory, clock).Outbox.ListAsync(CancellationToken.None)).Count);
        Assert.Equal(new DateOnly(2026, 11, 20), await Tenant(factory, clock).Digests.LastSentOnAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunDue_TenantTimeLater_WaitsForIt()
    {
        var (factory, clock) = Start(new() { ["Console:Digest:Tenants:acme:Time"] = "08:30" });
        clock.Advance(TimeSpan.FromMinutes(6));
        var scheduler = Scheduler(factory, clock);

        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(85)); // 08:30 local
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));
    }

    /// <summary>
    /// Issue 17: the whole message dana receives, word for word, for acme's seeded bill and a routine reclass whose title
    /// carries the account's id. Both were proposed on Nov 19 in Los Angeles (one after 16:00 local, Nov 20 in UTC):
    /// the days are the tenant's, the account reads "5100 Subcontractors", amounts are currency with separators.
    /// </summary>
    [Fact]
    public async Task Compose_TwoWaiting_TheSubjectAndBodyDanaReceives()
    {
        var (factory, _) = Start();
        var gate = factory.Get<ProposalGate>();
        var tenant = factory.TenantPath("acme");
        var reclass = BackOffice.Tests.Gate.GateFixture.BillDraft(key: "fin:reclass:1", risk: BackOffice.Kernel.Abstractions.Proposals.RiskClass.Routine, amount: "1234.50")
            with { Title = "Reclass $1,234.50 of 22-000 to acct-5100" };
        await gate.SubmitAsync(tenant, BackOffice.Kernel.Abstractions.Identity.Actor.Agent("financial"), [reclass], CancellationToken.None);
        await using (var connection = await tenant.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE proposals SET proposed_at = CASE id WHEN 1 THEN '2026-11-19T17:05:00.000Z' ELSE '2026-11-20T01:30:00.000Z' END");
        }

        var rows = await gate.ListAsync(tenant, new BackOffice.Store.Proposals.ProposalFilter(), CancellationToken.None);
        var refs = await RecordRefs.LoadAsync(tenant, rows.Select(r => r.Title), CancellationToken.None);
        var dana = new BackOffice.Kernel.Abstractions.Identity.Actor("dana", BackOffice.Kernel.Abstractions.Identity.Role.Lead, "finance");

        var digest = ApproverDigest.Compose("acme", dana, rows, gate, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), "https://bo.example.com/", refs)!;

        Assert.Equal("Waiting for you in acme: 2 proposals, $17,794.50", digest.Subject);
        Assert.Equal(
            """
            Good morning dana,

            2 proposals in acme wait for your decision, oldest first:

            - Proposal 1: Draft bill RP-007 to Rivera Plumbing for $16,560.00
              From the financial agent, Money risk, $16,560.00 at stake, waiting since Nov 19, 2026
              https://bo.example.com/t/acme/proposals/1
            - Proposal 2: Reclass $1,234.50 of 22-000 to 5100 Subcontractors
              From the financial agent, Routine risk, $1,234.50 at stake, waiting since Nov 19, 2026
              https://bo.example.com/t/acme/proposals/2

            Total: 2 proposals, $17,794.50 (Money risk: 1 proposal, $16,560.00; Routine risk: 1 proposal, $1,234.50).
            Decide in the inbox: https://bo.example.com/t/acme/inbox

            Only proposals you may approve are listed: your role, your department and your amount limit.

            """.ReplaceLineEndings("\n"), digest.Body);
        Assert.Equal([1L, 2L], digest.ProposalIds);
    }

    [Fact]
    public async Task Compose_ViewerAndApproverOutsideFinance_NothingWaitsForThem()
    {
        var (factory, _) = Start();
        var gate = factory.Get<ProposalGate>();
        var rows = await gate.ListAsync(factory.TenantPath("acme"), new BackOffice.Store.Proposals.ProposalFilter(), CancellationToken.None);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

        foreach (var user in new[] { ("vic", "viewer"), ("alex", "approver") })
        {
            var actor = new BackOffice.Kernel.Abstractions.Identity.Actor(user.Item1, Enum.Parse<BackOffice.Kernel.Abstractions.Identity.Role>(user.Item2, true), null);
            Assert.Null(ApproverDigest.Compose("acme", actor, rows, gate, zone, "", BackOffice.Host.ApprovalConsole.RecordRefs.None));
        }
    }

    private (ConsoleFactory Factory, FakeTimeProvider Clock) Start(Dictionary<string, string?>? settings = null)
    {
        var factory = new ConsoleFactory(settings: settings);
        _factories.Add(factory);
        _ = factory.Services; // the host starts and seeds acme with its proposal
        return (factory, new FakeTimeProvider(BeforeSeven));
    }

    private static DigestScheduler Scheduler(ConsoleFactory factory, FakeTimeProvider clock)
    {
        var source = new TenantDataSource(new DataDirectory(factory.Root), clock);
        var digest = factory.Get<IOptions<DigestOptions>>().Value;
        digest.ConsoleUrl = "https://bo.example.com";
        digest.Emails["dana"] = "dana@example.com";
        digest.Emails["alex"] = "alex@example.com";
        digest.Emails["vic"] = "vic@example.com";
        return new DigestScheduler(
            factory.Get<TenantRegistry>(), source, factory.Get<UserDirectory>(), factory.Get<ProposalGate>(), new AuditStore(clock), clock,
            Options.Create(digest), factory.Get<IOptions<ConsoleOptions>>(), NullLogger<DigestScheduler>.Instance);
    }

    private static TenantData Tenant(ConsoleFactory factory, FakeTimeProvider clock) => new TenantDataSource(new DataDirectory(factory.Root), clock).For("acme");

    private static async Task<IReadOnlyList<AuditEvent>> AuditEventsAsync(TenantData tenant)
    {
        await using var unit = await tenant.ReadAsync(CancellationToken.None);
        return await AuditStore.ReadAllAsync(unit, CancellationToken.None);
    }
}

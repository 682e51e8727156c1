using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>Issue 18: the control stores (tenants, users, credentials, setup links, audit anchors) on either engine.</summary>
public sealed class ControlStoreProviderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task ControlStores_TenantUserPasswordLoginAnchor_WorkOnEitherEngine(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var clock = TimeProvider.System;
        var audit = new AuditStore(clock);
        var registry = new TenantRegistry(store.Source, clock, audit);
        var users = new UserDirectory(store.Source, clock, audit);
        var credentials = new CredentialStore(store.Source, users, audit, clock, new AuthOptions { Pbkdf2Iterations = 1000 });
        var anchors = new AuditAnchors(store.Source, clock);

        Assert.True(await registry.CreateAsync("acme", "admin", None));
        Assert.False(await registry.CreateAsync("acme", "admin", None));
        await users.AddAsync("lead@acme", "lead", "finance", "acme", "admin", None);
        await credentials.SetPasswordAsync("lead@acme", "correct horse", "admin", None);
        var token = await credentials.IssueTokenAsync("lead@acme", "script", "admin", None);
        await audit.AppendAloneAsync(store.Source.For("acme"), "lead@acme", "test.event", "s-1", new JsonObject(), None);
        await anchors.AdvanceAsync("acme", None);

        Assert.Equal(["acme"], (await registry.ListAsync(None)).Select(t => t.Id));
        Assert.Equal("lead", (await credentials.LoginAsync("lead@acme", "correct horse", "test", None))!.Role);
        Assert.Null(await credentials.LoginAsync("lead@acme", "wrong horse", "test", None));
        Assert.Equal("lead@acme", (await credentials.UserForTokenAsync(token, None))!.Id);
        Assert.Equal(1L, (await anchors.GetAsync("acme", None))!.Value.Seq);
        await using var control = await store.Source.ReadControlAsync(None);
        var chain = await AuditStore.ReadAllAsync(control, None);
        Assert.Equal(["tenant.created", "user.saved", "user.password-set", "auth.token-issued", "auth.login", "auth.login-failed"], chain.Select(e => e.Kind));
        // Issue 19 on either engine: the control chain is keyed and its anchor, moved with each event, carries the key's MAC.
        Assert.Null(AuditVerifier.Verify(chain, null, control.AuditKey).Break);
        var verified = await new AuditChains(store.Source).VerifyControlAsync(None);
        Assert.True(verified.Intact, verified.Break?.Reason);
        Assert.Equal(chain.Count, verified.Events);
        Assert.True((await new AuditChains(store.Source).VerifyTenantAsync("acme", None)).Intact);
    }
}

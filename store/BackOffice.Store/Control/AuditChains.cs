using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Control;

/// <summary>What `audit verify` says of one chain (issue 19: and from which event it is keyed, with which key).</summary>
public sealed record AuditChainReport(string Id, int Events, AuditBreak? Break, long? KeyedFrom, string KeyFingerprint)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Verifies the control chain and tenant chains with the installation's audit key and their keyed anchors (issue 19).
/// An anchor whose MAC does not match was moved by someone without the key; the chain is then checked against nothing.
/// </summary>
public sealed class AuditChains(TenantDataSource source)
{
    public async Task<AuditChainReport> VerifyControlAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditEvent> events;
        await using (var unit = await source.ReadControlAsync(cancellationToken))
        {
            events = await AuditStore.ReadAllAsync(unit, cancellationToken);
        }

        return await VerifyAsync("control", AuditAnchors.ControlChain, events, cancellationToken);
    }

    public async Task<AuditChainReport> VerifyTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditEvent> events;
        await using (var unit = await source.For(tenant).ReadAsync(cancellationToken))
        {
            events = await AuditStore.ReadAllAsync(unit, cancellationToken);
        }

        return await VerifyAsync($"tenant:{tenant}", tenant, events, cancellationToken);
    }

    private async Task<AuditChainReport> VerifyAsync(string id, string chain, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        (long Seq, string Hash, string? Mac)? anchor;
        AuditKey key;
        // Issue 18: through a control unit, so the anchors are read from whichever engine holds them.
        await using (var control = await source.ReadControlAsync(cancellationToken))
        {
            anchor = await AuditAnchors.GetWithMacAsync(control.Connection, chain, cancellationToken);
            key = control.AuditKey!;
        }

        if (anchor is { } a && a.Mac != AuditAnchors.MacOf(key, chain, a.Seq, a.Hash))
        {
            var reason = $"the recorded head of the chain (event {a.Seq}) does not carry the installation's key: the anchor was rewritten";
            return new AuditChainReport(id, events.Count, new AuditBreak(a.Seq, reason), null, key.Fingerprint);
        }

        var walk = AuditVerifier.Verify(events, anchor is { } h ? (h.Seq, h.Hash) : null, key);
        return new AuditChainReport(id, events.Count, walk.Break, walk.KeyedFrom, key.Fingerprint);
    }
}

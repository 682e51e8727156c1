namespace BackOffice.Store.Audit;

/// <summary>The first event that breaks the chain, and how.</summary>
public sealed record AuditBreak(long Seq, string Reason);

/// <summary>What a walk of a chain found: the first break, if any, and the event from which the chain is keyed (issue 19).</summary>
public sealed record AuditWalk(AuditBreak? Break, long? KeyedFrom);

/// <summary>
/// Walks a chain and names the first event that was edited (its hash no longer matches its content),
/// removed (a gap in the sequence, or a previous-hash that points at nothing) or reordered (a previous-hash that
/// is not the hash of the event before it). An anchor (the head as last recorded elsewhere) catches removal of
/// events from the end, which a chain alone cannot see.
/// Issue 19: with a key, the first event whose hash is the keyed one starts the keyed part; every later event must be
/// keyed. Events before it (written before the key existed) verify with plain SHA-256, as before. A chain with events
/// but no keyed event was rewritten by someone without the key (the key's creation keys every chain there was).
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies an unkeyed chain (plain SHA-256 throughout).</summary>
    public static AuditBreak? Verify(IReadOnlyList<AuditEvent> events, (long Seq, string Hash)? anchor = null) =>
        Verify(events, anchor, null).Break;

    public static AuditWalk Verify(IReadOnlyList<AuditEvent> events, (long Seq, string Hash)? anchor, AuditKey? key)
    {
        var walk = Walk(events, 1, AuditEvent.Genesis, key, keyed: false);
        if (walk.Break is not null)
        {
            return walk;
        }

        if (key is not null && events.Count > 0 && walk.KeyedFrom is null)
        {
            return walk with { Break = new AuditBreak(1, "no event of the chain carries the installation's key: it was rewritten without the key") };
        }

        if (anchor is { } head)
        {
            if (events.Count < head.Seq)
            {
                return walk with { Break = new AuditBreak(events.Count + 1, $"events {events.Count + 1} to {head.Seq} were removed from the end of the chain") };
            }

            if (events[(int)head.Seq - 1].Hash != head.Hash)
            {
                return walk with { Break = new AuditBreak(head.Seq, $"event {head.Seq} differs from the recorded head of the chain") };
            }
        }

        return walk;
    }

    /// <summary>
    /// Checks only what follows a known-good event: <paramref name="fromAnchor"/> starts with the anchored event itself
    /// (its hash must be the anchored hash) and every later event must link to it and match its content. Moving an
    /// anchor forward needs no more than this, so it costs what was appended, not the whole history.
    /// </summary>
    public static AuditBreak? VerifyContinuation(IReadOnlyList<AuditEvent> fromAnchor, (long Seq, string Hash) anchor, AuditKey? key = null)
    {
        if (fromAnchor.Count == 0 || fromAnchor[0].Seq != anchor.Seq || fromAnchor[0].Hash != anchor.Hash)
        {
            return new AuditBreak(anchor.Seq, $"event {anchor.Seq} differs from the recorded head of the chain");
        }

        var keyed = key is not null && fromAnchor[0].HashWith(key) == anchor.Hash;
        return Walk(fromAnchor.Skip(1).ToList(), anchor.Seq + 1, anchor.Hash, key, keyed).Break;
    }

    private static AuditWalk Walk(IReadOnlyList<AuditEvent> events, long firstSeq, string expectedPrev, AuditKey? key, bool keyed)
    {
        long? keyedFrom = keyed ? firstSeq - 1 : null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var seq = firstSeq + i;
            if (LinkBreak(e, seq, expectedPrev) is { } link)
            {
                return new AuditWalk(link, keyedFrom);
            }

            var plain = e.HashWith(null);
            if (plain is null)
            {
                // Issue 19: an event whose data is not JSON was edited by hand; name it instead of crashing the verifier.
                return new AuditWalk(new AuditBreak(e.Seq, $"event {e.Seq} ({e.Kind}) was edited: its data is not valid JSON"), keyedFrom);
            }

            if (keyedFrom is null && key is not null && e.HashWith(key) == e.Hash)
            {
                keyedFrom = e.Seq;
            }
            else if (keyedFrom is not null ? e.HashWith(key) != e.Hash : plain != e.Hash)
            {
                var how = keyedFrom is not null ? "its content no longer matches its keyed hash" : "its content no longer matches its hash";
                return new AuditWalk(new AuditBreak(e.Seq, $"event {e.Seq} ({e.Kind}) was edited: {how}"), keyedFrom);
            }

            expectedPrev = e.Hash;
        }

        return new AuditWalk(null, keyedFrom);
    }

    private static AuditBreak? LinkBreak(AuditEvent e, long seq, string expectedPrev) =>
        e.Seq != seq ? new AuditBreak(seq, $"event {seq} is missing (found event {e.Seq} in its place): removed or reordered")
        : e.PrevHash != expectedPrev ? new AuditBreak(e.Seq, $"event {e.Seq} does not follow event {e.Seq - 1}: removed or reordered")
        : null;
}

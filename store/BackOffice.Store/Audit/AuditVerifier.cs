namespace BackOffice.Store.Audit;

/// <summary>The first event that breaks the chain, and how.</summary>
public sealed record AuditBreak(long Seq, string Reason);

/// <summary>
/// Walks a chain and names the first event that was edited (its hash no longer matches its content),
/// removed (a gap in the sequence, or a previous-hash that points at nothing) or reordered (a previous-hash that
/// is not the hash of the event before it). An anchor (the head as last recorded elsewhere) catches removal of
/// events from the end, which a chain alone cannot see.
/// </summary>
public static class AuditVerifier
{
    public static AuditBreak? Verify(IReadOnlyList<AuditEvent> events, (long Seq, string Hash)? anchor = null)
    {
        if (Walk(events, 1, AuditEvent.Genesis) is { } broken)
        {
            return broken;
        }

        if (anchor is { } head)
        {
            if (events.Count < head.Seq)
            {
                return new AuditBreak(events.Count + 1, $"events {events.Count + 1} to {head.Seq} were removed from the end of the chain");
            }

            if (events[(int)head.Seq - 1].Hash != head.Hash)
            {
                return new AuditBreak(head.Seq, $"event {head.Seq} differs from the recorded head of the chain");
            }
        }

        return null;
    }

    /// <summary>
    /// Checks only what follows a known-good event: <paramref name="fromAnchor"/> starts with the anchored event itself
    /// (its hash must be the anchored hash) and every later event must link to it and match its content. Moving an
    /// anchor forward needs no more than this, so it costs what was appended, not the whole history.
    /// </summary>
    public static AuditBreak? VerifyContinuation(IReadOnlyList<AuditEvent> fromAnchor, (long Seq, string Hash) anchor)
    {
        if (fromAnchor.Count == 0 || fromAnchor[0].Seq != anchor.Seq || fromAnchor[0].Hash != anchor.Hash)
        {
            return new AuditBreak(anchor.Seq, $"event {anchor.Seq} differs from the recorded head of the chain");
        }

        return Walk(fromAnchor.Skip(1).ToList(), anchor.Seq + 1, anchor.Hash);
    }

    private static AuditBreak? Walk(IReadOnlyList<AuditEvent> events, long firstSeq, string expectedPrev)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var seq = firstSeq + i;
            if (e.Seq != seq)
            {
                return new AuditBreak(seq, $"event {seq} is missing (found event {e.Seq} in its place): removed or reordered");
            }

            if (e.PrevHash != expectedPrev)
            {
                return new AuditBreak(e.Seq, $"event {e.Seq} does not follow event {e.Seq - 1}: removed or reordered");
            }

            string recomputed;
            try
            {
                recomputed = AuditEvent.ComputeHash(e.Seq, e.At, e.Actor, e.Kind, e.Subject, e.DataJson, e.PrevHash);
            }
            catch (System.Text.Json.JsonException)
            {
                // Issue 19: an event whose data is not JSON was edited by hand; name it instead of crashing the verifier.
                return new AuditBreak(e.Seq, $"event {e.Seq} ({e.Kind}) was edited: its data is not valid JSON");
            }

            if (recomputed != e.Hash)
            {
                return new AuditBreak(e.Seq, $"event {e.Seq} ({e.Kind}) was edited: its content no longer matches its hash");
            }

            expectedPrev = e.Hash;
        }

        return null;
    }
}

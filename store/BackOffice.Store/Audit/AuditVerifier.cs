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
        var expectedPrev = AuditEvent.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Seq != i + 1)
            {
                return new AuditBreak(i + 1, $"event {i + 1} is missing (found event {e.Seq} in its place): removed or reordered");
            }

            if (e.PrevHash != expectedPrev)
            {
                return new AuditBreak(e.Seq, $"event {e.Seq} does not follow event {e.Seq - 1}: removed or reordered");
            }

            var recomputed = AuditEvent.ComputeHash(e.Seq, e.At, e.Actor, e.Kind, e.Subject, e.DataJson, e.PrevHash);
            if (recomputed != e.Hash)
            {
                return new AuditBreak(e.Seq, $"event {e.Seq} ({e.Kind}) was edited: its content no longer matches its hash");
            }

            expectedPrev = e.Hash;
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
}

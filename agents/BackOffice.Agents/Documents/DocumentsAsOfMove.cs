using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Issue 18: Documents at a later as-of date with the same inputs (<see cref="SweepContext.Moved"/>). What each check
/// reads and how the date enters it:
/// - the inbox analysis (bills drafted from documents, PO and duplicate checks on bill headers, filing, certificates in
///   the inbox, expired certificates in use): the inbox files, bill headers and memos, commitments valued with the change
///   orders approved by the date, purchase orders, masters and links. The date enters through the commitments' value and
///   each inbox certificate's status. With documents in the inbox this path recomputes fully; with none (the same files
///   as at the earlier date: the runner gives no move when a file changed) the analysis finds nothing at either date.
/// - insurance on file (the project system's policies): policies, vendors' names and open commitments. A policy's status
///   (expired, expiring within the window, current) is a function of its expiration and the date alone, so the policies
///   whose status differs between the two dates (expiry in [D0, D1), or in (D0 + window, D1 + window]) are recomputed
///   and every other policy's stored finding stands (its vendor and commitments did not change: no journaled change
///   Documents reads, else this path is not taken).
/// The ledger connection check runs before this, as on every sweep.
/// </summary>
internal static class DocumentsAsOfMove
{
    /// <summary>The sweep at the new date when the inbox is empty and nothing Documents reads changed; null: recompute fully.</summary>
    public static async Task<SweepResult?> TryAsync(IAgent agent, SweepContext context, int windowDays, CancellationToken cancellationToken)
    {
        if (AsOfMoves.WithNothingRead(agent, context) is not { } moved)
        {
            return null;
        }

        if (HasFiles(Path.Combine(context.Data.Folder, "inbox")))
        {
            context.Progress.Report($"documents: the inbox holds documents; recomputing every check for {context.AsOf:yyyy-MM-dd}");
            return null;
        }

        var policies = await context.Data.VendorInsurances.ListAsync(cancellationToken);
        var crossing = policies.Where(p => CertificateReader.Status(p.Expiration, moved.PreviousAsOf, windowDays) != CertificateReader.Status(p.Expiration, context.AsOf, windowDays)).ToList();
        var recomputed = crossing.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<Finding> findings = crossing.Count == 0
            ? []
            : [.. InsuranceOnFileCheck.Run(crossing, await context.Data.Project.VendorsAsync(cancellationToken), await context.Data.Project.CommitmentsAsync(cancellationToken), context.AsOf, windowDays)];
        var kept = (await StoredFindings.OpenAsync(context.Data, agent.Name, cancellationToken))
            .Where(f => f.Check is InsuranceOnFileCheck.Expired or InsuranceOnFileCheck.Expiring && !recomputed.Contains(PolicyId(f))).ToList();
        context.Progress.Report(
            $"documents: 0 documents in the inbox (moved from {moved.PreviousAsOf:yyyy-MM-dd}: {crossing.Count} of {policies.Count} insurance policies " +
            $"changed status with the date and were recomputed, {kept.Count} findings kept, no bills read)");
        return new SweepResult(findings, []) { Kept = kept, PerKey = true, PerKeyChecks = [InsuranceOnFileCheck.Expired, InsuranceOnFileCheck.Expiring] };
    }

    /// <summary>The policy a stored insurance finding is about: its key is "documents:CHECK:POLICY" (a policy id may hold colons).</summary>
    private static string PolicyId(Finding finding) => finding.Key[(finding.Key.IndexOf(':', "documents:".Length) + 1)..];

    /// <summary>Whether the inbox holds a file the inbox reader would read (it skips names starting with a dot).</summary>
    private static bool HasFiles(string inbox) =>
        Directory.Exists(inbox) && Directory.EnumerateFiles(inbox).Any(p => !Path.GetFileName(p).StartsWith('.'));
}

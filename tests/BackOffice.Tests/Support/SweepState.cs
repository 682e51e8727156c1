using System.Security.Cryptography;
using System.Text;
using BackOffice.Store.Findings;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Support;

/// <summary>
/// What a sweep leaves, as one comparable text (issue 18): the open findings as SweepFingerprintTests hashes them and
/// every proposal's key, state and payload. Equal after an incremental and a full sweep means the incremental one missed nothing.
/// </summary>
public static class SweepState
{
    public static async Task<string> FingerprintAsync(TenantData data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var f in await FindingStore.ListOpenAsync(data, null, cancellationToken))
        {
            text.Append(f.Id).Append('|').Append(f.Severity).Append('|').Append(f.Title).Append('|').Append(f.FiguresJson).Append('|').Append(f.Narrative).Append('\n');
        }

        await using var unit = await data.ReadAsync(cancellationToken);
        foreach (var p in (await ProposalStore.ListAsync(unit, new ProposalFilter(), cancellationToken)).OrderBy(p => p.IdempotencyKey, StringComparer.Ordinal))
        {
            text.Append(p.IdempotencyKey).Append('|').Append(p.State).Append('|').Append(p.PayloadJson).Append('|').Append(p.FiguresJson).Append('\n');
        }

        return $"{text.Length}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
    }
}

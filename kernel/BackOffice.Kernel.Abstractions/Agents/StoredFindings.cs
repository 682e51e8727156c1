using System.Text.Json;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Findings;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Abstractions.Agents;

/// <summary>Findings as a sweep stored them, read back as findings (issue 18: the unchanged and the per-key paths keep them).</summary>
public static class StoredFindings
{
    public static async Task<IReadOnlyList<Finding>> OpenAsync(TenantData data, string agent, CancellationToken cancellationToken) =>
        (await FindingStore.ListOpenAsync(data, agent, cancellationToken)).Select(ToFinding).ToList();

    public static Finding ToFinding(StoredFinding stored) => new(
        stored.Id, stored.Agent, stored.Check, Enum.Parse<Severity>(stored.Severity), stored.Title,
        JsonSerializer.Deserialize<List<Figure>>(stored.FiguresJson, FigureJson.Options) ?? [], stored.Narrative);
}

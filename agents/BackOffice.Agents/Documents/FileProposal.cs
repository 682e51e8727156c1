using BackOffice.Agents.Documents.Actions;
using BackOffice.Domain.Documents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Files each inbox file in its routed folder (issue 6): one proposal per file (an email goes where its bill or most
/// telling part goes), Routine risk. Not proposed for unread files, duplicates, files already filed or without a job.
/// </summary>
internal static class FileProposal
{
    public static IEnumerable<ProposalDraft> For(IReadOnlyList<DocumentAnalysis> analyses)
    {
        foreach (var group in analyses.GroupBy(a => a.Document.SourceFile))
        {
            var primary = group.FirstOrDefault(a => a.IsPayable) ?? group.FirstOrDefault(a => a.Classification.Kind != DocumentKind.Other) ?? group.First();
            if (primary.Folder is null || primary.Sha256 is null || primary.AlreadyFiled || primary.Folder.StartsWith("unfiled/", StringComparison.Ordinal)
                || group.Any(a => a.Document.Text is null || a.Duplicates.Any(d => d.Basis == DuplicateBasis.SameNumber)))
            {
                continue;
            }

            var payload = ActionPayloadJson.ToJson(
                new FileDocumentPayload("inbox/" + group.Key, primary.Folder, group.Key, primary.Sha256, primary.Classification.Kind.ToString()));
            var narrative = $"{group.Key} is a {primary.Classification.Kind}" + (primary.Job is { } job ? $" for job {job.Number ?? job.Id} ({job.Name})" : "") +
                $"; proposed: file a copy under {primary.Folder}. The inbox copy stays; undo removes the filed copy.";
            yield return new ProposalDraft("documents", FileDocumentPayload.Kind, $"File {group.Key} under {primary.Folder}", RiskClass.Routine,
                ProposalKeys.For("doc-file-", payload), payload, [], narrative, ["folder"]);
        }
    }
}

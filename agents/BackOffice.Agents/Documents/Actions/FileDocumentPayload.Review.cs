using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Documents.Actions;

/// <summary>
/// Issue 19: an edited folder is one plain folder name (no separators, no "..", at most 100 characters), refused at
/// edit time rather than at execute. The title names the folder, so it is recomputed.
/// </summary>
public sealed partial record FileDocumentPayload : IReviewedPayload
{
    private const int MaxFolderLength = 100;

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Required(problems, "source", Source);
        PayloadChecks.Required(problems, "file_name", FileName);
        if (PayloadChecks.Required(problems, "folder", Folder) is { } folder
            && (folder.Length > MaxFolderLength || folder.Trim() is "." or ".." || folder.IndexOfAny(['/', '\\', ':', '\0']) >= 0
                || folder.Any(char.IsControl)))
        {
            problems.Add(new PayloadProblem("folder", $"'{folder}' is not one folder name (no '/', '\\', ':' or '..', at most {MaxFolderLength} characters)."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() => [];

    public PayloadSummary? Describe() =>
        new($"File {FileName} under {Folder}", [], $"File {Source} as filed/{Folder}/{FileName}.", null);
}

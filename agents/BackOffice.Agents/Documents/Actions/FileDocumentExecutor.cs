using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Documents.Actions;

/// <summary>
/// "documents.file" (issue 6): copies an inbox file to <c>filed/{folder}/{file_name}</c> inside the tenant folder.
/// The inbox copy stays (a received document stays on record); undo deletes the filed copy, which restores the prior
/// state exactly: before execution the target did not exist (a different file there refuses execution).
/// Payload: <see cref="FileDocumentPayload"/>.
/// </summary>
public sealed class FileDocumentExecutor : ActionExecutor<FileDocumentPayload>
{
    /// <summary>Issue 17: writes a file in the tenant's folders only, which the inputs stamp hashes.</summary>
    public override bool WritesTracked => true;

    protected override Task<JsonObject> CaptureAsync(ActionRequest request, FileDocumentPayload payload, CancellationToken cancellationToken)
    {
        var (_, target, _) = Paths(request, payload);
        return Task.FromResult(new JsonObject
        {
            ["target"] = Relative(request, target),
            ["target_existed"] = File.Exists(target),
            ["target_sha256"] = File.Exists(target) ? Sha(target) : null,
        });
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, FileDocumentPayload payload, CancellationToken cancellationToken)
    {
        var (source, target, sha) = Paths(request, payload);
        if (!File.Exists(source) || Sha(source) != sha)
        {
            throw new ProposalPayloadException($"source: {Relative(request, source)} is missing or changed since the proposal was made.");
        }

        // A retry after a crash finds its own copy already there: that is success, not a second write (rule 4).
        if (File.Exists(target))
        {
            if (Sha(target) != sha)
            {
                throw new ProposalPayloadException($"folder: {Relative(request, target)} already holds a different file; choose another folder.");
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + "." + request.IdempotencyKey + ".tmp";
            await using (var from = File.OpenRead(source))
            await using (var to = File.Create(temporary))
            {
                await from.CopyToAsync(to, cancellationToken);
            }

            File.Move(temporary, target);
        }

        return new ActionOutcome(Relative(request, target), new JsonObject { ["filed"] = Relative(request, target), ["sha256"] = sha });
    }

    protected override Task UndoAsync(
        ActionRequest request, FileDocumentPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (priorState["target_existed"]?.GetValue<bool>() == true)
        {
            return Task.CompletedTask;
        }

        var target = Inside(request, outcome.TargetId);
        if (File.Exists(target))
        {
            if (Sha(target) != outcome.Result["sha256"]?.GetValue<string>())
            {
                throw new ProposalPayloadException($"{outcome.TargetId} was changed after filing; it is left for a person.");
            }

            File.Delete(target);
        }

        return Task.CompletedTask;
    }

    private static (string Source, string Target, string Sha) Paths(ActionRequest request, FileDocumentPayload p)
    {
        static string Field(string name, string? value) => string.IsNullOrEmpty(value) ? throw new ProposalPayloadException($"{name}: missing.") : value;
        var fileName = Field("file_name", p.FileName);
        if (fileName != Path.GetFileName(fileName))
        {
            throw new ProposalPayloadException("file_name: must be a plain file name.");
        }

        return (Inside(request, Field("source", p.Source)), Inside(request, Path.Combine("filed", Field("folder", p.Folder), fileName)), Field("sha256", p.Sha256));
    }

    /// <summary>Every path stays inside the tenant's folder: an edited folder like "../../x" is refused (DESIGN.md rule 6).</summary>
    private static string Inside(ActionRequest request, string relative)
    {
        var root = TenantFolder(request);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ProposalPayloadException($"'{relative}' leaves the tenant's folder.");
    }

    private static string TenantFolder(ActionRequest request) => Path.GetFullPath(request.Data.Folder);

    private static string Relative(ActionRequest request, string full) => Path.GetRelativePath(TenantFolder(request), full).Replace('\\', '/');

    private static string Sha(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

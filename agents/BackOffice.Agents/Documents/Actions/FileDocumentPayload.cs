using System.Text.Json.Serialization;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Documents.Actions;

/// <summary>
/// The "documents.file" payload (issue 6): file <c>source</c> ("inbox/x.pdf") as <c>filed/{folder}/{file_name}</c>, if its
/// content still hashes to <c>sha256</c>. An approver may edit the folder.
/// </summary>
/// <param name="DocumentKind">What the document was classified as, stored as "kind"; named apart from the action's <see cref="Kind"/>.</param>
public sealed partial record FileDocumentPayload(
    string Source, string Folder, string FileName, string Sha256, [property: JsonPropertyName("kind")] string? DocumentKind) : IActionPayload
{
    public static string Kind => "documents.file";
}

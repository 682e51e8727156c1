using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Documents;

/// <summary>Provenance for figures read from a document: the inbox file (and email part) they came from.</summary>
internal static class DocumentFigures
{
    public static SourceRef Source(DocumentAnalysis a) => new("documents", "inbox", a.Document.Id);

    public static Figure Usd(string name, decimal amount, string tool, DocumentAnalysis a) => Figure.Usd(name, amount, tool, Source(a));
}

using System.Text;
using BackOffice.Store.Bundle;

namespace BackOffice.Kernel.Exports;

/// <summary>An export import refused (issue 14): every error by file, row and column, and every name left to a person. Nothing was imported.</summary>
public sealed class ExportImportException(IReadOnlyList<BundleError> errors, IReadOnlyList<UnsureName> unsure)
    : Exception(Describe(errors, unsure))
{
    private const int Shown = 30;

    public IReadOnlyList<BundleError> Errors { get; } = errors;

    public IReadOnlyList<UnsureName> Unsure { get; } = unsure;

    private static string Describe(IReadOnlyList<BundleError> errors, IReadOnlyList<UnsureName> unsure)
    {
        var text = new StringBuilder($"The export has {errors.Count} error(s) and {unsure.Count} unsure name(s); nothing was imported " +
            "(--accept-good-rows imports the good rows).");
        foreach (var error in errors.Take(Shown))
        {
            text.AppendLine().Append(error);
        }

        foreach (var name in unsure.Take(Shown))
        {
            text.AppendLine().Append(ExportImportText.Describe(name));
        }

        if (errors.Count + unsure.Count > 2 * Shown)
        {
            text.AppendLine().Append("... and more.");
        }

        return text.ToString();
    }
}

/// <summary>How an unsure name is said to a person, with the answer that settles it once.</summary>
public static class ExportImportText
{
    public static string Describe(UnsureName name) =>
        $"{name.File} line {name.Row}, column {name.Column}: unsure which {name.Entity} '{name.Name}' is " +
        $"(candidates: {string.Join(", ", name.Candidates)}); answer once with --name \"{name.Entity}:{name.Name}=ID\" or \"...=new\"";
}

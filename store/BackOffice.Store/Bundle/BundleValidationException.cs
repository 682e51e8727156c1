using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// One problem in a bundle. <see cref="Line"/> is the physical CSV line (header = 1, first data row = 2), or null when
/// the problem is not on one line (a missing file, a stored row the bundle would orphan).
/// </summary>
public sealed record BundleError(string File, int? Line, string? Column, string Message)
{
    public override string ToString()
    {
        var where = new StringBuilder(File);
        if (Line is not null)
        {
            where.Append(" line ").Append(Line.Value);
        }

        if (Column is not null)
        {
            where.Append(Line is null ? " column " : ", column ").Append(Column);
        }

        return $"{where}: {Message}";
    }
}

/// <summary>The bundle was refused; nothing was written. Carries every error found (up to <see cref="MaxErrors"/>).</summary>
public sealed class BundleValidationException : Exception
{
    public const int MaxErrors = 200;
    private const int ErrorsInMessage = 20;

    public BundleValidationException(IReadOnlyList<BundleError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<BundleError> Errors { get; }

    private static string Describe(IReadOnlyList<BundleError> errors)
    {
        var text = new StringBuilder($"The bundle has {errors.Count}{(errors.Count >= MaxErrors ? "+" : "")} error(s); nothing was imported.");
        foreach (var error in errors.Take(ErrorsInMessage))
        {
            text.AppendLine().Append(error);
        }

        if (errors.Count > ErrorsInMessage)
        {
            text.AppendLine().Append($"... and {errors.Count - ErrorsInMessage} more.");
        }

        return text.ToString();
    }
}

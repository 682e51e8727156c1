namespace BackOffice.Store.Bundle;

/// <summary>
/// Shares one instance of each repeated value of a column while a file is read (issue 18: a 2M-line bill file names
/// the same few accounts, customers, items and bills on every line, and held a copy of each per line). Per column: the
/// previous row's value (lines of one bill follow each other), else a bounded table of values seen; a column of mostly
/// distinct values (descriptions) stops growing its table at <see cref="MaxPerColumn"/>. Small whole numbers (line
/// numbers, flags) share one box.
/// </summary>
internal sealed class ValuePool(int columns)
{
    public const int MaxPerColumn = 65_536;

    private static readonly object[] SmallNumbers = Enumerable.Range(0, 1024).Select(n => (object)(long)n).ToArray();

    private readonly Dictionary<string, string>?[] _seen = new Dictionary<string, string>?[columns];
    private readonly string?[] _previous = new string?[columns];

    public object? Share(int column, object? value) => value switch
    {
        string text => Share(column, text),
        long number and >= 0 and < 1024 => SmallNumbers[number],
        _ => value,
    };

    private string Share(int column, string text)
    {
        if (_previous[column] is { } previous && previous == text)
        {
            return previous;
        }

        var seen = _seen[column] ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!seen.TryGetValue(text, out var shared))
        {
            shared = text;
            if (seen.Count < MaxPerColumn)
            {
                seen[text] = text;
            }
        }

        _previous[column] = shared;
        return shared;
    }
}

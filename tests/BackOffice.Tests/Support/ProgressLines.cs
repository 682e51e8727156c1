namespace BackOffice.Tests.Support;

/// <summary>Progress lines as reported, in order (a <see cref="Progress{T}"/> posts them later, on the thread pool).</summary>
public sealed class ProgressLines : IProgress<string>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Report(string value)
    {
        lock (_lines)
        {
            _lines.Add(value);
        }
    }
}

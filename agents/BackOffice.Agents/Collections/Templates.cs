namespace BackOffice.Agents.Collections;

/// <summary>The follow-up templates (prompts/collections/*.txt), read once per sweep: prompts are data, not C# strings.</summary>
internal sealed class Templates(string folder)
{
    private readonly Dictionary<string, string?> _loaded = new(StringComparer.Ordinal);

    public string Folder => folder;

    /// <summary>The template's text, or null when the file is missing (the agent then says so instead of drafting).</summary>
    public string? Get(string name)
    {
        if (!_loaded.TryGetValue(name, out var text))
        {
            var path = Path.Combine(folder, name);
            text = File.Exists(path) ? File.ReadAllText(path) : null;
            _loaded[name] = text;
        }

        return text;
    }
}

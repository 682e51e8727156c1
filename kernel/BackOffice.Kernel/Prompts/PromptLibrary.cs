namespace BackOffice.Kernel.Prompts;

/// <summary>
/// The prompt templates in prompts/ (copied next to the host), loaded once at start: prompts are data files, not C#
/// strings (STYLE.md, issue 4). Names are the path under prompts/ without ".prompt", e.g. "narration/system".
/// </summary>
public sealed class PromptLibrary
{
    public const string FileExtension = ".prompt";

    private readonly Dictionary<string, PromptTemplate> _templates;

    public PromptLibrary(string folder)
    {
        Folder = folder;
        _templates = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + FileExtension, SearchOption.AllDirectories)
                .Select(f => PromptTemplate.Parse(NameOf(folder, f), File.ReadAllText(f)))
                .ToDictionary(t => t.Name, StringComparer.Ordinal)
            : [];
    }

    public string Folder { get; }

    public IReadOnlyCollection<PromptTemplate> All => _templates.Values;

    public static PromptLibrary Default() => new(Path.Combine(AppContext.BaseDirectory, "prompts"));

    public PromptTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new PromptTemplateException(name, $"is not in {Folder}");

    private static string NameOf(string folder, string file) =>
        Path.GetRelativePath(folder, file)[..^FileExtension.Length].Replace('\\', '/');
}

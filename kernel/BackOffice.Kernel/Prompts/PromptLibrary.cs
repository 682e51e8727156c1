using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Prompts;

/// <summary>
/// The prompt templates in prompts/ (copied next to the host), loaded once at start: prompts are data files, not C#
/// strings (STYLE.md, issue 4). Names are the path under prompts/ without ".prompt", e.g. "narration/system". Since
/// issue 15 the body is a Semantic Kernel template ({{$name}}) rendered by SK's <see cref="KernelPromptTemplateFactory"/>;
/// the header declares its variables, each required:
/// <code>
/// # variables: title, figures
/// ---
/// Explain {{$title}} ...
/// </code>
/// A variable the body uses but the header does not declare fails at load.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string FileExtension = ".prompt";

    private readonly Dictionary<string, PromptFile> _prompts;

    public PromptLibrary(string folder)
    {
        Folder = folder;
        _prompts = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + FileExtension, SearchOption.AllDirectories)
                .Select(f => Parse(NameOf(folder, f), File.ReadAllText(f)))
                .ToDictionary(t => t.Name, StringComparer.Ordinal)
            : [];
    }

    public string Folder { get; }

    public IReadOnlyCollection<PromptFile> All => _prompts.Values;

    public static PromptLibrary Default() => new(Path.Combine(AppContext.BaseDirectory, "prompts"));

    public PromptFile Get(string name) =>
        _prompts.TryGetValue(name, out var prompt) ? prompt : throw new PromptTemplateException(name, $"is not in {Folder}");

    /// <summary>
    /// One SK prompt function speaking as a chat: the system prompt, then the user prompt (SK's chat prompt &lt;message&gt;
    /// tags). Its variables are both files' variables; its version is both files' hashes.
    /// </summary>
    public KernelFunction Chat(string functionName, PromptFile system, PromptFile user)
    {
        var config = new PromptTemplateConfig($"<message role=\"system\">{system.Body}</message>\n<message role=\"user\">{user.Body}</message>")
        {
            Name = functionName,
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            InputVariables = system.Variables.Union(user.Variables).Select(v => new InputVariable { Name = v, IsRequired = true }).ToList(),
        };
        return KernelFunctionFactory.CreateFromPrompt(config, new KernelPromptTemplateFactory());
    }

    public static PromptFile Parse(string name, string fileText)
    {
        var text = fileText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new PromptTemplateException(name, "has no '---' line ending its header");
        }

        var declared = HeaderPattern().Match(text[..split]);
        if (!declared.Success)
        {
            throw new PromptTemplateException(name, "declares no '# variables:' line");
        }

        var variables = declared.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var body = text[(split + 5)..];
        var undeclared = VariablePattern().Matches(body).Select(m => m.Groups[1].Value).Where(v => !variables.Contains(v)).Distinct().ToList();
        if (undeclared.Count > 0)
        {
            throw new PromptTemplateException(name, $"uses undeclared variables: {string.Join(", ", undeclared)}");
        }

        return new PromptFile(name, body, variables, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    private static string NameOf(string folder, string file) =>
        Path.GetRelativePath(folder, file)[..^FileExtension.Length].Replace('\\', '/');

    [GeneratedRegex(@"^#\s*variables:\s*(.*)$", RegexOptions.Multiline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"\{\{\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex VariablePattern();
}

/// <param name="Body">The SK template text after the header.</param>
/// <param name="Hash">The template's version: SHA-256 of its file text, recorded in the audit with every narration.</param>
public sealed record PromptFile(string Name, string Body, IReadOnlyList<string> Variables, string Hash);

public sealed class PromptTemplateException(string name, string problem) : Exception($"Prompt '{name}' {problem}.");

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Prompts;

/// <summary>
/// A prompt template loaded from a text file in prompts/ (issue 4). The file starts with a header that declares its
/// variables; the body uses {{name}} placeholders:
/// <code>
/// # variables: title, figures
/// ---
/// Explain {{title}} ...
/// </code>
/// A placeholder that is not declared fails at load; a declared variable left out fails at render. Every value is
/// inserted as delimited data (see <see cref="PromptData"/>), never as instructions.
/// </summary>
public sealed partial class PromptTemplate
{
    private PromptTemplate(string name, string body, IReadOnlyList<string> variables, string hash)
    {
        Name = name;
        Body = body;
        Variables = variables;
        Hash = hash;
    }

    public string Name { get; }

    public string Body { get; }

    public IReadOnlyList<string> Variables { get; }

    /// <summary>The template's version: SHA-256 of its file text, recorded in the audit with every narration.</summary>
    public string Hash { get; }

    public static PromptTemplate Parse(string name, string fileText)
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
        var undeclared = PlaceholderPattern().Matches(body).Select(m => m.Groups[1].Value).Where(v => !variables.Contains(v)).Distinct().ToList();
        if (undeclared.Count > 0)
        {
            throw new PromptTemplateException(name, $"uses undeclared variables: {string.Join(", ", undeclared)}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new PromptTemplate(name, body, variables, hash);
    }

    /// <summary>Renders with every declared variable; each value becomes a delimited, redacted data block.</summary>
    public RenderedPrompt Render(IReadOnlyDictionary<string, string> values)
    {
        var missing = Variables.Where(v => !values.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new PromptTemplateException(Name, $"is missing variables: {string.Join(", ", missing)}");
        }

        var text = PlaceholderPattern().Replace(Body, m => PromptData.Delimit(m.Groups[1].Value, values[m.Groups[1].Value]));
        var renderedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new RenderedPrompt(Name, text, Hash, renderedHash);
    }

    [GeneratedRegex(@"^#\s*variables:\s*(.*)$", RegexOptions.Multiline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex PlaceholderPattern();
}

/// <param name="TemplateHash">Version of the template file.</param>
/// <param name="RenderedHash">Hash of exactly what was sent, so an auditor can match a stored prompt without us storing it.</param>
public sealed record RenderedPrompt(string Name, string Text, string TemplateHash, string RenderedHash);

public sealed class PromptTemplateException(string name, string problem) : Exception($"Prompt '{name}' {problem}.");

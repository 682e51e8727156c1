using System.ComponentModel;
using System.Text.RegularExpressions;
using BackOffice.Domain.Documents;

namespace BackOffice.Tools.Documents;

public enum SignatureState
{
    NotRequired,
    Signed,
    Unsigned,
}

/// <param name="Evidence">The signature line that decided it, or null when none was found.</param>
public sealed record SignatureResult(SignatureState State, string? Evidence);

/// <summary>
/// Which documents need a signature and whether the text shows one (issue 6). A lien waiver, change order, pay
/// application and insurance certificate are only binding signed. A signature line that is blank, underscores or a
/// bracketed placeholder ("(authorized representative)") is unsigned; "/s/ Name" or a written name is signed.
/// Text cannot prove a handwritten mark, so "Signed" means "a signature is indicated", and the filing stays reviewable.
/// </summary>
public static partial class SignatureCheck
{
    [Description("Tell whether a document of this kind needs a signature and whether its text shows one.")]
    public static SignatureResult Check(
        [Description("The document's kind")] DocumentKind kind,
        [Description("The document's text")] string text)
    {
        if (kind is not (DocumentKind.LienWaiver or DocumentKind.ChangeOrder or DocumentKind.SubPayApplication or DocumentKind.CertificateOfInsurance))
        {
            return new SignatureResult(SignatureState.NotRequired, null);
        }

        string? lastEvidence = null;
        foreach (Match m in SignatureLine().Matches(text))
        {
            var value = m.Groups["value"].Value.Trim();
            lastEvidence = m.Value.Trim();
            if (IsSignature(value))
            {
                return new SignatureResult(SignatureState.Signed, lastEvidence);
            }
        }

        return new SignatureResult(SignatureState.Unsigned, lastEvidence);
    }

    private static bool IsSignature(string value)
    {
        if (value.StartsWith("/s/", StringComparison.OrdinalIgnoreCase))
        {
            return value.Length > 3 && value[3..].Any(char.IsLetter);
        }

        var cleaned = Placeholder().Replace(value, "").Trim();
        return cleaned.Count(char.IsLetter) >= 2;
    }

    [GeneratedRegex(@"^[ \t]*(?:authorized\s+)?(?:signature|signed(?:\s+by)?|sign\s+here)\b[^:\n]{0,30}:[ \t]*(?<value>[^\n]*)$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"_+|\([^)]*\)|\[[^\]]*\]|\bdate\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

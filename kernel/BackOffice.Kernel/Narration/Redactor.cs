using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Narration;

/// <summary>
/// What the model never sees (issue 4). Redacted from every value before it enters a prompt: connection strings
/// (anything with Data Source=, Server=, Host=, Password=, Pwd=, User Id=, AccountKey=, SharedAccessKey=), URLs with
/// user:password@, bearer and basic authorization values, API keys (sk-..., api_key/apikey/token/secret assignments,
/// AWS AKIA... ids), JSON web tokens, PEM private keys, file paths ending in .db/.sqlite, bank account/routing numbers
/// written after "account"/"routing", and card numbers, IBANs and social security numbers (Redactor.Numbers.cs, issue 15).
/// Applied to everything that leaves the process for a model: prompts, tool arguments and embedding inputs. Email addresses and phone numbers are left:
/// an approver needs them and they are not credentials.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "[redacted]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = PemPattern().Replace(text, Mask);
        text = ConnectionStringPattern().Replace(text, Mask);
        text = UrlCredentialsPattern().Replace(text, "${scheme}" + Mask + "@");
        text = AuthorizationPattern().Replace(text, "${scheme} " + Mask);
        text = JwtPattern().Replace(text, Mask);
        text = ApiKeyPattern().Replace(text, Mask);
        text = AssignmentPattern().Replace(text, "${key}${sep}" + Mask);
        text = DatabasePathPattern().Replace(text, Mask);
        text = BankNumberPattern().Replace(text, "${label}" + Mask);
        return RedactNumbers(text);
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PemPattern();

    [GeneratedRegex(@"(?:(?:Data Source|Server|Host|Password|Pwd|User Id|Uid|AccountKey|SharedAccessKey|Initial Catalog|Database)\s*=\s*[^;""\r\n]*;?\s*){2,}", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPattern();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentialsPattern();

    [GeneratedRegex(@"(?<scheme>Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16})\b")]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex(@"(?<key>\b(?:api[_-]?key|apikey|access[_-]?token|token|secret|client[_-]?secret|password|pwd)""?)(?<sep>\s*[:=]\s*""?)[^\s"",;]+", RegexOptions.IgnoreCase)]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"(?:[A-Za-z]:)?[\\/][^\s""']*\.(?:db|sqlite3?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatabasePathPattern();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"(?<label>\b(?:account|acct|routing|aba)\s*(?:number|no\.?|#)?\s*[:#]?\s*)\d{6,17}\b", RegexOptions.IgnoreCase)]
    private static partial Regex BankNumberPattern();
}

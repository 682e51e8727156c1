using PdfSharp.Fonts;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>
/// PDFsharp finds no fonts by itself outside Windows, so the pay application PDF (issue 16) embeds Liberation Sans
/// (metric-compatible with Arial, SIL OFL) from the machine's font folders, DejaVu Sans if that is missing. A machine
/// with neither gets a clear error naming the folders searched, not a PDF in a substituted font.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "PayApp Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/liberation-sans", "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];

    private static readonly (string Face, string[] Files)[] Faces =
    [
        ("regular", ["LiberationSans-Regular.ttf", "DejaVuSans.ttf"]),
        ("bold", ["LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"]),
    ];

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (GlobalFontSettings is process-wide in PDFsharp).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "bold" : "regular");

    public byte[]? GetFont(string faceName)
    {
        var files = Faces.First(f => f.Face == faceName).Files;
        var path = files.SelectMany(file => Folders.Select(folder => Path.Combine(folder, file))).FirstOrDefault(File.Exists)
                   ?? throw new FileNotFoundException($"No font for the pay application PDF: looked for {string.Join(" or ", files)} in {string.Join(", ", Folders)} (install fonts-liberation).");
        return File.ReadAllBytes(path);
    }
}

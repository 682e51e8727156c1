using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 19: how a bundle's CSV files are decoded. UTF-8 unless `import --encoding` names a legacy encoding that old
/// accounting exports use: windows-1252 (five bytes, 0x81 0x8D 0x8F 0x90 0x9D, are undefined and refused, per the
/// Unicode mapping table cp1252.txt) or latin1 (ISO-8859-1, every byte is a character). Decoding is always strict: a
/// byte the encoding does not define is an error naming file, line and byte offset, never a U+FFFD stored in silence.
/// </summary>
public sealed class BundleEncoding
{
    private BundleEncoding(string name, Encoding encoding, byte[]? undefined = null)
    {
        Name = name;
        Encoding = encoding;
        Undefined = undefined ?? [];
    }

    /// <summary>
    /// Bytes the encoding leaves undefined that .NET's decoder still maps (to C1 controls, as Windows does): they are
    /// refused by value, since the decoder will not throw on them.
    /// </summary>
    public IReadOnlyList<byte> Undefined { get; }

    public static BundleEncoding Utf8 { get; } = new("UTF-8", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));

    /// <summary>The name as errors say it: "UTF-8", "windows-1252" or "latin1".</summary>
    public string Name { get; }

    /// <summary>A strict decoder's encoding: invalid bytes throw <see cref="DecoderFallbackException"/>.</summary>
    public Encoding Encoding { get; }

    /// <summary>The encoding `--encoding NAME` asks for; an unsupported name is an <see cref="ArgumentException"/> listing the choices.</summary>
    public static BundleEncoding Parse(string? name)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "utf-8" or "utf8":
                return Utf8;
            case "windows-1252" or "cp1252" or "1252":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return new BundleEncoding("windows-1252",
                    Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), [0x81, 0x8D, 0x8F, 0x90, 0x9D]);
            case "latin1" or "latin-1" or "iso-8859-1":
                return new BundleEncoding("latin1",
                    Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
            default:
                throw new ArgumentException($"--encoding '{name}' is not supported: use utf-8 (the default), windows-1252 or latin1.", nameof(name));
        }
    }
}

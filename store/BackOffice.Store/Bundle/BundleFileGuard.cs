using System.Globalization;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 19: import never leaves the bundle folder. No file or folder the importer reads may be a symbolic link (a link
/// in inbox/ once copied another tenant's tenant.db and /etc/passwd into a tenant) or anything but a regular file, and
/// every text file must be strict UTF-8: a bad byte is an error naming the file, the line and the byte offset, never a
/// silent U+FFFD.
/// </summary>
public static class BundleFileGuard
{
    /// <summary>True when the file at <paramref name="relative"/> (or a link there, even a broken one) is present.</summary>
    public static bool Present(string bundleDirectory, string relative)
    {
        var info = new FileInfo(Path.Combine(bundleDirectory, relative));
        return info.Exists || info.LinkTarget is not null;
    }

    /// <summary>
    /// Checks every step from the bundle folder down to <paramref name="relative"/>: no step is a link, the last is a
    /// regular file, and its full path stays under the bundle folder. Adds an error naming the file and returns false otherwise.
    /// </summary>
    public static bool IsPlainFile(string bundleDirectory, string relative, ErrorSink errors)
    {
        var root = Path.GetFullPath(bundleDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            errors.Add(relative, null, null, "the path leaves the bundle folder; it was not read");
            return false;
        }

        var step = root;
        foreach (var part in Path.GetRelativePath(root, full).Split(Path.DirectorySeparatorChar))
        {
            step = Path.Combine(step, part);
            FileSystemInfo info = Directory.Exists(step) && new FileInfo(step).LinkTarget is null ? new DirectoryInfo(step) : new FileInfo(step);
            if (info.LinkTarget is not null)
            {
                errors.Add(relative, null, null, $"'{Path.GetRelativePath(root, step)}' is a symbolic link; the importer never follows links, copy the file itself into the bundle");
                return false;
            }
        }

        var file = new FileInfo(full);
        if (!file.Exists || (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
        {
            errors.Add(relative, null, null, "not a regular file; it was not read");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Decodes the whole file strictly in <paramref name="encoding"/> (UTF-8 unless `--encoding` said otherwise; a UTF-8
    /// byte order mark is allowed); the first bad byte is reported by line and byte offset. Returns false when it is not.
    /// </summary>
    public static async Task<bool> IsDecodableAsync(
        string path, string relative, BundleEncoding encoding, ErrorSink errors, CancellationToken cancellationToken) =>
        await LineBreaksIfDecodableAsync(path, relative, encoding, errors, cancellationToken) is not null;

    /// <summary>
    /// <see cref="IsDecodableAsync"/>, answering the file's number of line breaks when it decodes (issue 18: an upper
    /// bound on its rows, so the import sizes its key table once instead of growing it), else null.
    /// </summary>
    public static async Task<long?> LineBreaksIfDecodableAsync(
        string path, string relative, BundleEncoding encoding, ErrorSink errors, CancellationToken cancellationToken)
    {
        var decoder = encoding.Encoding.GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[encoding.Encoding.GetMaxCharCount(buffer.Length)];
        long offset = 0;
        var line = 1;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int read;
        // Issue 18: ASCII is valid in every encoding the import reads, so while every block so far was ASCII (the decoder
        // holds no partial character) an ASCII block is not decoded; from the first other block on, each one is.
        var ascii = true;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            ascii = ascii && System.Text.Ascii.IsValid(buffer.AsSpan(0, read));
            var at = ascii ? -1 : FirstBadByte(decoder, encoding, buffer, read, chars);
            if (at >= 0)
            {
                var lineAt = line + buffer.AsSpan(0, Math.Min(at, read)).Count((byte)'\n');
                var value = at < read ? buffer[at].ToString("X2", CultureInfo.InvariantCulture) : "??";
                var hint = encoding == BundleEncoding.Utf8
                    ? "save the file as UTF-8, or name its encoding with --encoding windows-1252 or latin1, and import again"
                    : $"the file is not {encoding.Name}; name its real encoding with --encoding";
                errors.Add(relative, lineAt, null,
                    $"byte offset {(offset + at).ToString(CultureInfo.InvariantCulture)} (0x{value}) is not valid {encoding.Name}; {hint}");
                return null;
            }

            line += buffer.AsSpan(0, read).Count((byte)'\n');
            offset += read;
        }

        return line - 1;
    }

    /// <summary>The index in <paramref name="buffer"/> of the first byte the encoding does not define, or -1.</summary>
    private static int FirstBadByte(Decoder decoder, BundleEncoding encoding, byte[] buffer, int read, char[] chars)
    {
        var undefined = encoding.Undefined.Count == 0 ? -1 : buffer.AsSpan(0, read).IndexOfAny(encoding.Undefined.ToArray());
        if (undefined >= 0)
        {
            return undefined;
        }

        try
        {
            decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            return -1;
        }
        catch (DecoderFallbackException bad)
        {
            return Math.Max(0, bad.Index);
        }
    }
}

using System.Text;

namespace BackOffice.Store.Tenancy;

/// <summary>Secret key files beside the data (issue 19's audit key, issue 13's connector key): created readable by the owner only.</summary>
public static class KeyFiles
{
    /// <summary>
    /// Writes <paramref name="text"/> to a new file at <paramref name="path"/> with permissions 0600 (folder 0700) and
    /// returns true, or returns false when the file exists already (another process created it first).
    /// </summary>
    public static bool TryCreateOwnerOnly(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        return true;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Exports;

/// <summary>What the person chose when uploading an export file in the console; kept beside the file.</summary>
public sealed record ExportUploadChoice(string Source, string? Kind, string? Job);

/// <summary>One uploaded export file waiting between preview and confirm.</summary>
public sealed record ExportUpload(string Id, string Tenant, string UserId, string FileName, string Path, ExportUploadChoice Choice, DateTimeOffset ExpiresAt);

/// <summary>An upload that is not there (never made, another tenant's, confirmed or expired), or a file name or size refused.</summary>
public sealed class ExportUploadException(string message) : Exception(message);

/// <summary>
/// Issue 14 in the console: an export file uploaded for preview is kept server-side under DATA/uploads/TENANT/ID/ (outside
/// the tenant's own folders, which the incremental sweep's stamp reads) by a random id, never by a path from the
/// browser. It is deleted when confirmed, and any upload older than its expiry is deleted at the next upload or lookup.
/// </summary>
public sealed partial class ExportUploadStore(DataDirectory data, TimeProvider clock)
{
    private const string MetaFile = "upload.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Saves <paramref name="content"/> under a new id; the name must be a plain .csv, .xlsx or .xls file name.</summary>
    public async Task<ExportUpload> SaveAsync(
        string tenant, string userId, string fileName, Stream content, ExportUploadChoice choice, TimeSpan keep, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (!SafeName().IsMatch(name))
        {
            throw new ExportUploadException($"File name '{fileName}': expected a .csv, .xlsx or .xls file whose name has letters, digits, spaces, '.', '-', '_' or parentheses.");
        }

        Prune(tenant);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Directory.CreateDirectory(Path.Combine(Root(tenant), id)).FullName;
        var upload = new ExportUpload(id, tenant, userId, name, Path.Combine(folder, name), choice, clock.GetUtcNow().Add(keep));
        // The expiry is written first, so a prune running beside this upload sees a live folder, never a bare one.
        await File.WriteAllTextAsync(Path.Combine(folder, MetaFile), JsonSerializer.Serialize(upload, Json), cancellationToken);
        await using (var file = File.Create(upload.Path))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return upload;
    }

    /// <summary>The tenant's upload <paramref name="id"/>, or an error when there is none or it expired (then it is deleted).</summary>
    public async Task<ExportUpload> FindAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var meta = IdPattern().IsMatch(id) ? Path.Combine(Root(tenant), id, MetaFile) : null;
        if (meta is null || !File.Exists(meta))
        {
            throw new ExportUploadException($"Upload '{id}' is not here: it was imported, expired or never made. Upload the file again.");
        }

        var upload = JsonSerializer.Deserialize<ExportUpload>(await File.ReadAllTextAsync(meta, cancellationToken), Json)!;
        if (upload.ExpiresAt < clock.GetUtcNow())
        {
            Delete(tenant, id);
            throw new ExportUploadException($"Upload '{id}' expired at {upload.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}. Upload the file again.");
        }

        return upload;
    }

    public void Delete(string tenant, string id)
    {
        var folder = Path.Combine(Root(tenant), id);
        if (IdPattern().IsMatch(id) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Prune(string tenant)
    {
        var root = Root(tenant);
        if (!Directory.Exists(root))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var meta = Path.Combine(folder, MetaFile);
            var expired = File.Exists(meta) && JsonSerializer.Deserialize<ExportUpload>(File.ReadAllText(meta), Json)!.ExpiresAt < now;
            if (expired)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private string Root(string tenant) => Path.Combine(data.Root, "uploads", DataDirectory.ValidTenantName(tenant));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ._()\-]{0,120}\.(csv|xlsx|xls)$", RegexOptions.IgnoreCase)]
    private static partial Regex SafeName();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}

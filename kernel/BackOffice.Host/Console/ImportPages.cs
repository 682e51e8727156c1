using System.Globalization;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Exports;
using BackOffice.Store.Control;
using BackOffice.Store.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 14 in the console: Import of export files as downloaded. Upload (admins and finance leads, anti-forgery, at most
/// Console:ImportMaxBytes) keeps the file server-side by a random id (<see cref="ExportUploadStore"/>); the preview shows
/// the mapping, the first rows and every row error (<see cref="ImportPreview"/>); Confirm imports it through
/// <see cref="ExportImporter.ImportAsync"/>, the code `backoffice import --source` runs, in one unit, and deletes the file.
/// </summary>
public static class ImportPages
{
    /// <summary>Room for the multipart boundaries and the form's other fields above the file's own limit.</summary>
    private const long FormOverhead = 64 * 1024;

    public static RouteGroupBuilder MapImportPages(this RouteGroupBuilder tenant, long maxBytes)
    {
        tenant.MapGet("/import", (HttpContext http, string tenant, string? msg) =>
            ConsolePage.RunAsync(http, tenant, caller => Task.FromResult(Refused(caller) ?? ImportPreview.UploadPage(http, caller, msg))));
        tenant.MapPost("/import", (HttpContext http, string tenant, IFormCollection form) =>
            ConsolePage.RunAsync(http, tenant, caller => UploadAsync(http, caller, form)))
            .WithMetadata(new BodySizeLimit(maxBytes + FormOverhead));
        tenant.MapGet("/import/{id}", (HttpContext http, string tenant, string id) =>
            ConsolePage.RunAsync(http, tenant, caller => PreviewAsync(http, caller, id, null)));
        tenant.MapPost("/import/{id}/confirm", (HttpContext http, string tenant, string id, IFormCollection form) =>
            ConsolePage.RunAsync(http, tenant, caller => ConfirmAsync(http, caller, id, form["acceptGoodRows"] == "yes")));
        tenant.MapPost("/import/{id}/discard", (HttpContext http, string tenant, string id) =>
            ConsolePage.RunAsync(http, tenant, caller => DiscardAsync(http, caller, id)));
        return tenant;
    }

    /// <summary>Admins, and leads of finance (who own the books the files fill); 403 for anyone else.</summary>
    public static IResult? Refused(Caller caller) =>
        MayImport(caller.Actor)
            ? null
            : Page("Refused", Notice($"Only an admin or a finance lead may import export files; {caller.User.Id} is {caller.Actor.Role.ToString().ToLowerInvariant()}.", error: true),
                caller, StatusCodes.Status403Forbidden);

    public static bool MayImport(Actor actor) =>
        actor.Role == Role.Admin || (actor.Role == Role.Lead && string.Equals(actor.Department, "finance", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> UploadAsync(HttpContext http, Caller caller, IFormCollection form)
    {
        if (Refused(caller) is { } refused)
        {
            return refused;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var file = form.Files["file"];
        string source = form["source"].ToString(), kind = form["kind"].ToString(), job = form["job"].ToString().Trim();
        var problem = file is null || file.Length == 0 ? "Choose an export file to upload."
            : file.Length > options.ImportMaxBytes ? $"{file.FileName} is {file.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes; the import takes at most {options.ImportMaxBytes.ToString("N0", CultureInfo.InvariantCulture)} (Console:ImportMaxBytes)."
            : !ExportImporter.Sources.Contains(source) ? $"Source '{source}': expected {string.Join(", ", ExportImporter.Sources)}."
            : kind.Length > 0 && !ExportImporter.LayoutsFor(source).Any(l => l.Kind == kind) ? $"Kind '{kind}' is not a {source} export; {source} kinds are {string.Join(", ", ExportImporter.LayoutsFor(source).Select(l => l.Kind))}."
            : null;
        if (problem is not null)
        {
            var status = file?.Length > options.ImportMaxBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return ImportPreview.UploadPage(http, caller, null, problem, status);
        }

        var choice = new ExportUploadChoice(source, kind.Length > 0 ? kind : null, job.Length > 0 ? job : null);
        await using var content = file!.OpenReadStream();
        ExportUpload upload;
        try
        {
            upload = await Uploads(http).SaveAsync(caller.Tenant, caller.User.Id, file.FileName, content, choice,
                TimeSpan.FromMinutes(options.ImportKeepMinutes), http.RequestAborted);
        }
        catch (ExportUploadException ex)
        {
            return ImportPreview.UploadPage(http, caller, null, ex.Message, StatusCodes.Status400BadRequest);
        }

        return Results.Redirect($"{Tenant(caller.Tenant)}/import/{upload.Id}");
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, Caller caller, string id, IReadOnlyList<string>? failure)
    {
        if (await FindAsync(http, caller, id) is not { } upload)
        {
            return Refused(caller) ?? Gone(http, caller, id);
        }

        try
        {
            var (plans, batch) = await http.RequestServices.GetRequiredService<ExportImporter>().PrepareAsync(caller.Data, Request(upload, caller, false), http.RequestAborted);
            return ImportPreview.Render(http, caller, upload, plans, batch, failure);
        }
        catch (ExportFileFormatException ex)
        {
            return ImportPreview.UploadPage(http, caller, null, $"{upload.FileName}: {ex.Message}", StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, Caller caller, string id, bool acceptGoodRows)
    {
        if (await FindAsync(http, caller, id) is not { } upload)
        {
            return Refused(caller) ?? Gone(http, caller, id);
        }

        var ct = http.RequestAborted;
        ExportImportResult result;
        try
        {
            var (plans, _) = await http.RequestServices.GetRequiredService<ExportImporter>().PrepareAsync(caller.Data, Request(upload, caller, false), ct);
            if (ImportPreview.KindMismatch(upload, plans) is { } mismatch)
            {
                return await PreviewAsync(http, caller, id, [mismatch]);
            }

            result = await http.RequestServices.GetRequiredService<ExportImporter>().ImportAsync(caller.Data, Request(upload, caller, acceptGoodRows), ct);
        }
        catch (ExportImportException ex)
        {
            // Nothing was written: the bundle importer's one transaction either commits every row or none.
            return await PreviewAsync(http, caller, id, [ex.Errors.Count + ex.Unsure.Count > 0 ? "Nothing was imported:" : ex.Message, .. ex.Errors.Select(e => e.ToString())]);
        }

        await http.RequestServices.GetRequiredService<AuditAnchors>().AdvanceAsync(caller.Tenant, ct);
        Uploads(http).Delete(caller.Tenant, upload.Id);
        var s = result.Summary;
        var message = s is null ? $"{upload.FileName}: nothing to import." : $"Imported {upload.FileName}: {s.Added} added, {s.Changed} changed, {s.Unchanged} unchanged (run {s.RunId}).";
        return Results.Redirect($"{Tenant(caller.Tenant)}/import?msg={Uri.EscapeDataString(message)}");
    }

    private static async Task<IResult> DiscardAsync(HttpContext http, Caller caller, string id)
    {
        if (await FindAsync(http, caller, id) is not { } upload)
        {
            return Refused(caller) ?? Gone(http, caller, id);
        }

        Uploads(http).Delete(caller.Tenant, upload.Id);
        return Results.Redirect($"{Tenant(caller.Tenant)}/import?msg={Uri.EscapeDataString($"Discarded {upload.FileName}; nothing was imported.")}");
    }

    /// <summary>The caller's own upload in this tenant, or null (refused, gone, or someone else's).</summary>
    private static async Task<ExportUpload?> FindAsync(HttpContext http, Caller caller, string id)
    {
        if (Refused(caller) is not null)
        {
            return null;
        }

        try
        {
            var upload = await Uploads(http).FindAsync(caller.Tenant, id, http.RequestAborted);
            return upload.UserId == caller.User.Id ? upload : null;
        }
        catch (ExportUploadException)
        {
            return null;
        }
    }

    private static ExportImportRequest Request(ExportUpload upload, Caller caller, bool acceptGoodRows) =>
        new(upload.Choice.Source, upload.Path, upload.Choice.Job, acceptGoodRows, caller.User.Id);

    private static ExportUploadStore Uploads(HttpContext http) => http.RequestServices.GetRequiredService<ExportUploadStore>();

    private static IResult Gone(HttpContext http, Caller caller, string id) =>
        ImportPreview.UploadPage(http, caller, null,
            $"Upload '{id}' is not here: it was imported, discarded, expired, or is another person's. Upload the file again.", StatusCodes.Status404NotFound);
}

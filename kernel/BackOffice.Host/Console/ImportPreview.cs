using System.Text;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Exports;
using BackOffice.Store.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The import page's HTML (issue 14): the upload form, and the preview of an upload: per file the kind found, the header
/// row and each field as mapped, the first rows under the field names, every row error with file, row and field, the
/// names held for a person, and Confirm (or Import the good rows) and Discard.
/// </summary>
public static class ImportPreview
{
    /// <summary>How many data rows the preview shows per file.</summary>
    public const int PreviewRows = 10;

    public static IResult UploadPage(HttpContext http, Caller caller, string? msg, string? error = null, int status = StatusCodes.Status200OK)
    {
        var max = http.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.ImportMaxBytes;
        var kinds = new StringBuilder("<option value=\"\">Detect from the header</option>");
        foreach (var source in ExportImporter.Sources)
        {
            kinds.Append($"<optgroup label=\"{E(source)}\">")
                .AppendJoin("", ExportImporter.LayoutsFor(source).Select(l => $"<option value=\"{E(l.Kind)}\">{E(l.Kind)}</option>"))
                .Append("</optgroup>");
        }

        var body = $"""
            {Notice(msg)}{Notice(error, error: true)}
            <p>Upload an export file exactly as Buildertrend, QuickBooks Online or Procore downloaded it (CSV, XLSX or XLS, at most {max / 1024:N0} KiB).
            You see the mapping, the first rows and every problem before anything is imported.</p>
            <form method="post" action="{Tenant(caller.Tenant)}/import" enctype="multipart/form-data" class="edit card" id="upload">{Token(http)}
            <label>Export file <input type="file" name="file" accept=".csv,.xlsx,.xls" required></label>
            <label>Source <select name="source">{string.Join("", ExportImporter.Sources.Select(s => $"<option>{E(s)}</option>"))}</select></label>
            <label>Kind <select name="kind">{kinds}</select></label>
            <label>Job (only for an export of one project without a job column) <input name="job"></label>
            <div><button class="primary">Upload and preview</button></div></form>
            """;
        return Page("Import export files", body, caller, status);
    }

    public static IResult Render(
        HttpContext http, Caller caller, ExportUpload upload, IReadOnlyList<ExportFilePlan> plans, ExportBatch batch, IReadOnlyList<string>? failure)
    {
        var mismatch = KindMismatch(upload, plans);
        var html = new StringBuilder(failure is null ? "" : Notice(string.Join(Environment.NewLine, failure), error: true));
        html.Append(Notice(mismatch, error: true));
        foreach (var plan in plans)
        {
            html.Append(FileSection(plan, batch));
        }

        html.Append(Problems(batch));
        var problems = batch.Errors.Count + batch.Unsure.Count;
        var confirm = mismatch is not null ? ""
            : problems == 0 ? $"<button class=\"primary\" id=\"confirm\">Confirm and import</button>"
            : $"<input type=\"hidden\" name=\"acceptGoodRows\" value=\"yes\"><button class=\"danger\" id=\"confirm\">Import the good rows, hold back {problems}</button>";
        html.Append("<div class=\"actions card\">")
            .Append(confirm.Length == 0 ? "" : $"<form method=\"post\" action=\"{Tenant(caller.Tenant)}/import/{E(upload.Id)}/confirm\">{Token(http)}{confirm}</form>")
            .Append($"<form method=\"post\" action=\"{Tenant(caller.Tenant)}/import/{E(upload.Id)}/discard\">{Token(http)}<button>Discard</button></form>")
            .Append("</div>");
        return Page($"Preview: {upload.FileName} ({upload.Choice.Source})", html.ToString(), caller, failure is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The person chose a kind and the file's header is another's (or none): said, and nothing may be confirmed.</summary>
    public static string? KindMismatch(ExportUpload upload, IReadOnlyList<ExportFilePlan> plans) =>
        ExportImporter.KindMismatch(upload.Choice.Kind, plans) is { } mismatch ? $"{mismatch.File}: {mismatch.Message}" : null;

    private static string FileSection(ExportFilePlan plan, ExportBatch batch)
    {
        if (plan.Header is not { } header)
        {
            return $"<h2>{E(plan.Name)}</h2><p class=\"notice error\">No header row of a known export was found.</p>";
        }

        var fields = header.Layout.Fields.Where(f => header.Columns.ContainsKey(f.Name)).ToList();
        var counts = batch.RowCounts.GetValueOrDefault(plan.Name) ?? new ExportRowCounts(0, 0, 0);
        var html = new StringBuilder($"<h2>{E(plan.Name)}</h2><p id=\"kind-{E(header.Layout.Kind)}\">{E(header.Layout.Source)} <strong>{E(header.Layout.Kind)}</strong>, ")
            .Append($"header on row {plan.Rows[header.HeaderIndex].Row} ({(header.Saved ? "your saved mapping" : "suggested mapping")}); ")
            .Append($"{counts.Imported} row(s) ready, {counts.Held} held back, {counts.Skipped} skipped.</p>")
            .Append("<div class=\"scroll\"><table class=\"mapping\"><caption>Mapping</caption><thead><tr><th>Field</th><th>Column in the file</th><th>Needed</th></tr></thead><tbody>");
        foreach (var field in header.Layout.Fields)
        {
            var mapped = header.Mapping.Headers.GetValueOrDefault(field.Name);
            html.Append($"<tr><td>{E(field.Name)}</td><td>{(header.Columns.ContainsKey(field.Name) ? E(mapped) : "<span class=\"muted\">(not in the file)</span>")}</td><td>{(field.Required ? "required" : "optional")}</td></tr>");
        }

        html.Append("</tbody></table></div><div class=\"scroll\"><table class=\"rows\"><caption>First rows as mapped</caption><thead><tr><th>Row</th>")
            .AppendJoin("", fields.Select(f => $"<th>{E(f.Name)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in plan.Rows.Skip(header.HeaderIndex + 1).Where(r => r.Cells.Any(c => c.Trim().Length > 0)).Take(PreviewRows))
        {
            html.Append($"<tr><td>{row.Row}</td>")
                .AppendJoin("", fields.Select(f => header.Columns[f.Name] is var c && c < row.Cells.Count ? $"<td>{E(row.Cells[c].Trim())}</td>" : "<td></td>"))
                .Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Problems(ExportBatch batch)
    {
        if (batch.Errors.Count + batch.Unsure.Count + batch.Warnings.Count == 0)
        {
            return "<p class=\"notice\" id=\"no-problems\">No row errors: every data row maps.</p>";
        }

        var html = new StringBuilder($"<h2>Problems ({batch.Errors.Count} error(s), {batch.Unsure.Count} unsure name(s))</h2>")
            .Append("<div class=\"scroll\"><table id=\"row-errors\"><thead><tr><th>File</th><th>Row</th><th>Field</th><th>Problem</th></tr></thead><tbody>");
        foreach (var e in batch.Errors)
        {
            html.Append($"<tr><td>{E(e.File)}</td><td>{E(e.Line)}</td><td>{E(e.Column)}</td><td>{E(e.Message)}</td></tr>");
        }

        foreach (var u in batch.Unsure)
        {
            // Answering an unsure name is the CLI's --name for now; the console shows the question and the answer to give.
            html.Append($"<tr><td>{E(u.File)}</td><td>{u.Row}</td><td>{E(u.Column)}</td><td>{E(ExportImportText.Describe(u))}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return html.AppendJoin("", batch.Warnings.Select(w => $"<p class=\"muted\">warning: {E(w)}</p>")).ToString();
    }
}

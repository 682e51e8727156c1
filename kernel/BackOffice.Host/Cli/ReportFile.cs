using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice report NAME --format F --out FILE` (issue 16): a report that renders files writes one.</summary>
internal static class ReportFile
{
    public static async Task<int> WriteAsync(CliContext cli, string name, ReportRequest request, string format, FileInfo? output, CancellationToken cancellationToken)
    {
        var document = cli.Services.GetServices<IReportDocument>().LastOrDefault(d => d.Name == name)
                       ?? throw new CliException($"The report '{name}' does not write files; --format works with: {string.Join(", ", cli.Services.GetServices<IReportDocument>().Select(d => d.Name))}.");
        if (!document.Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            throw new CliException($"The report '{name}' writes {string.Join(" or ", document.Formats)}, not '{format}'.");
        }

        if (output is null)
        {
            throw new CliException("--format needs --out FILE.");
        }

        var bytes = await document.RenderAsync(request, format.ToLowerInvariant(), cancellationToken);
        // Written to a temporary file first, then moved: a failed render never leaves half a file under the wanted name.
        var temporary = output.FullName + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, output.FullName, overwrite: true);
        await cli.Error.WriteLineAsync($"wrote {output.FullName} ({bytes.Length} bytes)");
        return 0;
    }
}

using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BackOffice.Domain.Tools;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Plugins;
using BackOffice.Store.Tenancy;
using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Ask;

/// <summary>What one `ask` conversation's report functions read: the tenant, the books' date and the facts collected.</summary>
public sealed record AskScope(TenantData Data, DateOnly AsOf, AnswerFacts Facts)
{
    public const string DataKey = "backoffice.ask";

    public static AskScope Of(Microsoft.SemanticKernel.Kernel kernel) =>
        kernel.Data.TryGetValue(DataKey, out var value) && value is AskScope scope
            ? scope
            : throw new InvalidOperationException("A report function runs only inside an `ask` conversation.");
}

/// <summary>
/// The product's reports as one Semantic Kernel plugin, "Reports" (issue 15): each <see cref="IReport"/> becomes a function
/// (aging-invoice-date becomes Reports-aging_invoice_date) declared <see cref="ToolAccess.Read"/>, so it runs through the
/// same write refusal, allow-list, audit and budget filters as the tool plugins. A function returns the report's rows as
/// JSON with each row's id, every value as a placeholder and its value (<see cref="AnswerFacts"/>).
/// </summary>
public static class ReportPlugins
{
    public const string PluginName = "Reports";

    public static KernelPlugin Create(IEnumerable<IReport> reports) =>
        KernelPluginFactory.CreateFromFunctions(PluginName, "The back office's reports, computed from the tenant's books",
            reports.Select(r => new ReportFunction(r).Function));

    /// <summary>The function name SK allows (letters, digits, underscore) for a report name.</summary>
    public static string FunctionName(string report) => report.Replace('-', '_');

    private sealed class ReportFunction(IReport report)
    {
        private static readonly MethodInfo Method = typeof(ReportFunction).GetMethod(nameof(RunAsync))!;

        public KernelFunction Function => KernelFunctionFactory.CreateFromMethod(Method, JsonSerializerOptions.Web, this, new KernelFunctionFromMethodOptions
        {
            FunctionName = FunctionName(report.Name),
            Description = $"Report {report.Name}: {report.Description}. Returns its rows; every value is a {{placeholder}} = value.",
            AdditionalMetadata = new Dictionary<string, object?> { [ToolPlugins.CapabilityKey] = ToolAccess.Read }.AsReadOnly(),
        });

        public async Task<string> RunAsync(
            Microsoft.SemanticKernel.Kernel kernel,
            [Description("A job id or name to limit the report to; empty for every job")] string? job = null,
            [Description("The date to run the report as of, yyyy-MM-dd; empty for the books' date")] string? asOf = null,
            CancellationToken cancellationToken = default)
        {
            var scope = AskScope.Of(kernel);
            var date = scope.AsOf;
            if (!string.IsNullOrWhiteSpace(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return $"error: asOf must be a date written yyyy-MM-dd, not '{asOf}'";
            }

            try
            {
                var table = await report.RunAsync(new ReportRequest(scope.Data, date, string.IsNullOrWhiteSpace(job) ? null : job), cancellationToken);
                return scope.Facts.Add(report.Name, table, date).ToJsonString();
            }
            catch (ArgumentException ex)
            {
                // A report that needs an input it was not given (g702 needs a job) says which, as it does on the command line.
                return $"error: {ex.Message}";
            }
        }
    }
}

using System.CommandLine;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>
/// Runs a command body with a <see cref="CliContext"/> and turns expected failures into one clear line on stderr
/// and an exit code: 1 for a refused or failed business action, 2 for bad usage or input.
/// </summary>
public static class CliAction
{
    public static Func<ParseResult, CancellationToken, Task<int>> Run(Func<CliContext, CancellationToken, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            CliContext context;
            try
            {
                context = CliContext.Create(parse);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: configuration: {ex.Message}");
                return 2;
            }

            await using var _ = context;
            try
            {
                return await body(context, cancellationToken);
            }
            catch (Exception ex) when (ExitCodes.For(ex) is { } code)
            {
                await context.Error.WriteLineAsync($"error: {ex.Message}");
                return code;
            }
            catch (Exception ex) when (BackOffice.Store.Sqlite.StoreBusy.Is(ex))
            {
                // Issue 19: a stalled writer elsewhere is a retryable refusal, not a crash.
                await context.Error.WriteLineAsync($"error: {BackOffice.Store.Sqlite.StoreBusy.Message}");
                return 1;
            }
        };
}

/// <summary>Which exceptions are expected outcomes to report, and with which exit code. Anything else is a bug and propagates.</summary>
public static partial class ExitCodes
{
    public static int? For(Exception ex) => ex switch
    {
        CliException cli => cli.ExitCode,
        UnknownTenantException => 2,
        ArgumentException => 2,
        // Issue 19: a missing or wrong audit key is said with the file to restore, exit 1, never a stack trace.
        BackOffice.Store.Audit.AuditKeyException => 1,
        // Issue 13: so is a connector key that cannot read the stored tokens, naming Connectors:EncryptionKey.
        BackOffice.Store.Connectors.Keys.ConnectorKeyException => 1,
        _ => ForKernel(ex),
    };
}

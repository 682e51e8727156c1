namespace BackOffice.Host.Cli;

/// <summary>A usage or input problem to report in one line and exit with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

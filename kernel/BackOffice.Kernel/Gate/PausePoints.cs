namespace BackOffice.Kernel.Gate;

/// <summary>
/// Issue 18: kill -9 in the middle of an execution across hosts. When the environment variable <see cref="Variable"/>
/// names a pause point ("execute: target answered"), or a point and a subject ("execute: target answered@proposal:12"),
/// the gate stops there, says so on standard error and waits until the process is killed (or the request is
/// cancelled, which leaves the proposal executing as a crash would). On PostgreSQL there is no SQL function to kill the
/// process from inside a write (SQLite's <c>crash_point</c>, issue 19), so a test kills the paused host from outside.
/// Without the variable nothing pauses: it is read once, and production never sets it.
/// </summary>
public static class PausePoints
{
    public const string Variable = "BACKOFFICE_PAUSE_AT";

    /// <summary>The target wrote and answered; the outcome is not recorded yet (the proposal is executing, its lease live).</summary>
    public const string TargetAnswered = "execute: target answered";

    private static readonly string? Setting = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } setting ? setting : null;

    /// <summary>Pauses for good when the process's setting names this point (for any subject or for this one).</summary>
    public static Task ReachedAsync(string point, string subject, CancellationToken cancellationToken) =>
        Matches(Setting, point, subject) ? PauseAsync(point, subject, cancellationToken) : Task.CompletedTask;

    /// <summary>Whether <paramref name="setting"/> (the variable's value) names the point, alone or with the subject.</summary>
    public static bool Matches(string? setting, string point, string subject) =>
        setting is not null
        && (string.Equals(setting, point, StringComparison.Ordinal) || string.Equals(setting, $"{point}@{subject}", StringComparison.Ordinal));

    private static async Task PauseAsync(string point, string subject, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync($"backoffice: paused at '{point}' for {subject} ({Variable}).");
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// Issue 19: the crash-point matrix by killing a real process. When the environment variable
/// <see cref="Variable"/> names a crash point (the matrix's step names, e.g. "claim: execution record"), every SQLite
/// connection of this process gets a SQL function <c>crash_point(name)</c> that kills the process (SIGKILL to itself,
/// as `kill -9` would) when the name is that point, in the middle of the write that called it: the transaction never
/// commits and nothing after it runs. The test puts a trigger calling it on each write of execute and undo. Without the
/// variable nothing is registered, so a stray trigger fails loudly instead of killing a production process.
/// </summary>
internal static class CrashPoints
{
    public const string Variable = "BACKOFFICE_CRASH_AT";

    private static readonly string? Point = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } point ? point : null;

    public static void Install(SqliteConnection connection)
    {
        if (Point is not { } point)
        {
            return;
        }

        connection.CreateFunction("crash_point", (string name) =>
        {
            if (string.Equals(name, point, StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"backoffice: killed at crash point '{point}' ({Variable}).");
                using var self = Process.GetCurrentProcess();
                self.Kill();
                Thread.Sleep(Timeout.Infinite);
            }

            return 0;
        });
    }
}

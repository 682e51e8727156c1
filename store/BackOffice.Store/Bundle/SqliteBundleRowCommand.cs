using BackOffice.Store.Sqlite;

namespace BackOffice.Store.Bundle;

/// <summary>
/// A bundle row statement on SQLite (issue 18): the parsed values bound straight onto the prepared statement through
/// SQLitePCLRaw (a long as an integer, a string encoded into one reused UTF-8 buffer), the row hash written as hex
/// bytes without a string, so writing a row allocates nothing of its own. The stored values are those
/// <see cref="PostgresRowStage"/> copies on PostgreSQL, so both engines hold the same rows.
/// </summary>
internal sealed class SqliteBundleRowCommand(SqliteRawStatement statement, int columns, bool withKey) : BundleRowCommand
{
    public override ValueTask RunAsync(ParsedRow row, RowHash hash, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = row.Values;
        for (var i = 0; i < columns; i++)
        {
            statement.BindValue(i + 1, values[i]);
        }

        Span<byte> hex = stackalloc byte[RowHash.HexLength];
        statement.BindUtf8(columns + 1, hex[..hash.WriteHex(hex)]);
        if (withKey)
        {
            statement.BindText(columns + 2, key);
        }

        statement.Run();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        statement.Dispose();
        return ValueTask.CompletedTask;
    }
}

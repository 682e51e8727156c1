using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// One statement prepared on an open <see cref="SqliteConnection"/> and run many times through SQLitePCLRaw's own calls
/// (issue 18: an import writes a row per bill line and a journal row per touched entity; through
/// Microsoft.Data.Sqlite each run built a data reader, a binder per parameter and a UTF-8 copy of every text value,
/// about 2 KB a row, which made the write most of the import's allocations). Text is encoded into one reused buffer
/// and bound as a copy (SQLITE_TRANSIENT); the statement runs inside the connection's open transaction like any
/// other command on it. Parameters are numbered from 1, as SQLite numbers them.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[256];

    private SqliteRawStatement(sqlite3 database, sqlite3_stmt statement)
    {
        _database = database;
        _statement = statement;
    }

    /// <summary>Prepares <paramref name="sql"/> (built from the fixed schema, never from input) on the connection.</summary>
    public static SqliteRawStatement Prepare(SqliteConnection connection, string sql)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(database, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, database);
        return new SqliteRawStatement(database, statement);
    }

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void BindText(int index, string value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < needed)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        BindUtf8(index, _utf8.AsSpan(0, length));
    }

    /// <summary>Text already encoded as UTF-8 (a row hash's hex), copied by SQLite.</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>A string, a whole number or null, as the bundle's parsed values are; anything else as invariant text.</summary>
    public void BindValue(int index, object? value)
    {
        switch (value)
        {
            case null:
                BindNull(index);
                break;
            case string text:
                BindText(index, text);
                break;
            case long number:
                BindInt64(index, number);
                break;
            default:
                BindText(index, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    /// <summary>Runs the statement once with the values bound, then resets it for the next; a failure throws <see cref="SqliteException"/>.</summary>
    public void Run()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            // The message is read before the reset, which would report the error again in its own words.
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, _database);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps a query once: true with a row to read, false when there is none left; a failure throws.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return rc == raw.SQLITE_ROW;
    }

    /// <summary>Column <paramref name="index"/> (from 0) of the current row is NULL.</summary>
    public bool IsNull(int index) => raw.sqlite3_column_type(_statement, index) == raw.SQLITE_NULL;

    /// <summary>A text column's UTF-8 bytes as SQLite holds them, valid until the next step (no string made).</summary>
    public ReadOnlySpan<byte> Utf8(int index) => raw.sqlite3_column_blob(_statement, index);

    public long Int64(int index) => raw.sqlite3_column_int64(_statement, index);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}

using System.Data.Common;
using BackOffice.Store.Sweeps;
using Npgsql;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Where the import writes the rows it inserts or updates in one table (issue 18): on SQLite a prepared statement run
/// per row (<see cref="StatementRowSink"/>); on PostgreSQL, where one statement per row made the import 8 times slower
/// than SQLite, a binary COPY into a staging table applied with one UPDATE and one INSERT (<see cref="PostgresRowStage"/>).
/// Either way every row journals its entities into <c>touched</c>: before and after, and for an update the columns it
/// changes. <see cref="CompleteAsync"/> must run before the connection runs anything else (a COPY holds it);
/// disposing without it writes nothing more, so the caller's rollback leaves nothing half-written.
/// </summary>
internal abstract class BundleRowSink(FileSpec spec, ISet<ChangedEntity> touched) : IAsyncDisposable
{
    private readonly int[] _entityColumns = ChangedEntities.Columns(spec).Select(spec.IndexOf).ToArray();

    protected FileSpec Spec { get; } = spec;

    protected ISet<ChangedEntity> Touched { get; } = touched;

    public static BundleRowSink Open(FileSpec spec, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched) =>
        connection is NpgsqlConnection npgsql
            ? new PostgresRowStage(spec, npgsql, (NpgsqlTransaction)transaction, touched)
            : new StatementRowSink(spec, connection, transaction, touched);

    /// <summary>Writes (or stages) one row: an insert of a new key, or an update of a stored one.</summary>
    public abstract Task WriteAsync(ParsedRow row, RowHash hash, string key, bool update, CancellationToken cancellationToken);

    /// <summary>Applies what is staged; the sink can take rows again after.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>The entities of a row's values (in <see cref="FileSpec.Columns"/> order) tagged with the columns an update changed.</summary>
    protected IEnumerable<ChangedEntity> EntitiesOf(IReadOnlyList<object?> values, string? changedColumns) =>
        ChangedEntities.Of(Spec, Array.ConvertAll(_entityColumns, c => values[c]), changedColumns);
}

/// <summary>One prepared INSERT or UPDATE run per row (SQLite, where a statement is a function call, not a round trip).</summary>
internal sealed class StatementRowSink(FileSpec spec, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched)
    : BundleRowSink(spec, touched)
{
    // Issue 18: the lines of one bill name the same entities; RowTouches turns a run of them into entities once.
    private readonly RowTouches _touches = new(spec, touched);
    private BundleRowCommand? _insert;
    private BundleRowCommand? _update;

    public override async Task WriteAsync(ParsedRow row, RowHash hash, string key, bool update, CancellationToken cancellationToken)
    {
        // Issue 18: an update journals the columns it changes, so an agent that reads none of them skips it.
        string? changedColumns = null;
        if (update)
        {
            var diff = await ChangedEntities.UpdateAsync(Spec, key, row.Values, connection, transaction, cancellationToken);
            Touched.UnionWith(diff.Before);
            changedColumns = diff.Columns;
        }

        _touches.Add(row.Values, changedColumns);
        var command = update
            ? _update ??= BundleRowCommand.Update(Spec, connection, transaction)
            : _insert ??= BundleRowCommand.Insert(Spec, connection, transaction);
        await command.RunAsync(row, hash, key, cancellationToken);
    }

    public override Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }

        if (_update is not null)
        {
            await _update.DisposeAsync();
        }
    }
}

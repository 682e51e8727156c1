using BackOffice.Store.Sweeps;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Adds the entities of each written row of one file to the import's change journal set (issue 18). Consecutive rows
/// usually name the same entities (the lines of one bill: the bill and its job), so a row whose entity values are
/// those of the row before, with the same changed columns, adds nothing new and is not turned into entities again:
/// the journal is the same set, without a record and an array per row.
/// </summary>
internal sealed class RowTouches(FileSpec spec, ISet<ChangedEntity> touched)
{
    private readonly int[] _columns = ChangedEntities.Columns(spec).Select(spec.IndexOf).ToArray();
    private object?[]? _previous;
    private string? _previousChanged;

    public void Add(object?[] values, string? changedColumns = null)
    {
        if (_previous is not null && changedColumns == _previousChanged && SameAsPrevious(values))
        {
            return;
        }

        var entityValues = Array.ConvertAll(_columns, c => values[c]);
        touched.UnionWith(ChangedEntities.Of(spec, entityValues, changedColumns));
        (_previous, _previousChanged) = (entityValues, changedColumns);
    }

    private bool SameAsPrevious(object?[] values)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!Equals(values[_columns[i]], _previous![i]))
            {
                return false;
            }
        }

        return true;
    }
}

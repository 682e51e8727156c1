using BackOffice.Store.Exports;

namespace BackOffice.Kernel.Exports;

/// <summary>
/// The group rows above a data row of a grouped report (issue 14): QuickBooks' Transaction Detail by Account opens an
/// account section with a row holding only its first cell, nests sub-accounts the same way, and closes each with
/// "Total for NAME" (notes/procore.md section 7, [QB-FIX][QB-PAY]). "TOTAL" ends every group.
/// </summary>
public sealed class ExportGroups
{
    private readonly List<string> _open = [];

    public IReadOnlyList<string> Open => _open.ToArray();

    /// <summary>Follows a row that is not a data row: a row holding only its first cell opens a group, a total row (with its amounts) closes one.</summary>
    public void Track(ExportSheetRow row)
    {
        var text = row.Cells.Count > 0 ? row.Cells[0].Trim() : "";
        if (text.Length == 0)
        {
            return;
        }

        if (text.Equals("TOTAL", StringComparison.OrdinalIgnoreCase))
        {
            _open.Clear();
        }
        else if (text.StartsWith("Total for ", StringComparison.OrdinalIgnoreCase))
        {
            Close(text["Total for ".Length..].Trim());
        }
        else if (!text.StartsWith("total", StringComparison.OrdinalIgnoreCase) && row.Cells.Skip(1).All(c => c.Trim().Length == 0))
        {
            _open.Add(text);
        }
    }

    /// <summary>Closes the named group and any left open inside it; a name not open closes the innermost (a renamed total).</summary>
    private void Close(string name)
    {
        var at = _open.FindLastIndex(g => g.Equals(name, StringComparison.OrdinalIgnoreCase));
        var from = at >= 0 ? at : _open.Count - 1;
        if (from >= 0)
        {
            _open.RemoveRange(from, _open.Count - from);
        }
    }
}

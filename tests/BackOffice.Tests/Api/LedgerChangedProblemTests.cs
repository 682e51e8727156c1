using BackOffice.Host.Api;
using BackOffice.Store.Ledger;

namespace BackOffice.Tests.Api;

/// <summary>
/// An undo refused because the record changed in the ledger (QuickBooks or the sandbox) is a 409 naming the refusal in
/// the API and console, not a 500 (issue 17's leftover: ApiExceptionHandler had no mapping for it).
/// </summary>
public sealed class LedgerChangedProblemTests
{
    [Fact]
    public void Classify_LedgerChanged_409CannotBeUndone()
    {
        var refused = new LedgerChangedException("changed: CustomerRef c-1 -> c-2", ["CustomerRef"]);

        Assert.Equal((409, "Cannot be undone: the record changed in the ledger"), ApiExceptionHandler.Classify(refused));
    }
}

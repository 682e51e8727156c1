using System.Text.Json.Nodes;
using BackOffice.Agents.Workforce.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Workforce;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Workforce;

public sealed class WorkforceExecutorTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TenantData Path => _temp.Tenant("acme");

    [Fact]
    public async Task PayrollAdjustment_ExecuteTwiceThenUndo_OneEntryThenNone()
    {
        var outbox = new WorkforceOutbox(TimeProvider.System);
        var executor = new PayrollAdjustmentExecutor(outbox);
        var request = new ActionRequest(Path, 7, "wf-adj-abc", new JsonObject
        {
            ["employee_id"] = "emp-2", ["week_start"] = "2026-11-02", ["amount"] = "243.00",
        });

        var prior = await executor.CapturePriorStateAsync(request, CancellationToken.None);
        var first = await executor.ExecuteAsync(request, CancellationToken.None);
        var retry = await executor.ExecuteAsync(request, CancellationToken.None);

        Assert.Equal(first.TargetId, retry.TargetId);
        var entry = Assert.Single(await outbox.ListAsync(Path, CancellationToken.None));
        Assert.Equal((24_300L, "emp-2"), (entry.AmountCents!.Value, entry.EmployeeId!));

        await executor.UndoAsync(request, prior, first, CancellationToken.None);
        Assert.Empty(await outbox.ListAsync(Path, CancellationToken.None));
    }

    [Theory]
    [InlineData("0.00")]
    [InlineData("12.345")]
    [InlineData("abc")]
    public async Task PayrollAdjustment_BadEditedAmount_IsRefused(string amount)
    {
        var executor = new PayrollAdjustmentExecutor(new WorkforceOutbox(TimeProvider.System));
        var request = new ActionRequest(Path, 7, "wf-adj-bad", new JsonObject { ["amount"] = amount });
        await Assert.ThrowsAnyAsync<Exception>(() => executor.ExecuteAsync(request, CancellationToken.None));
        Assert.Empty(await new WorkforceOutbox(TimeProvider.System).ListAsync(Path, CancellationToken.None));
    }
}

using BackOffice.Kernel.Abstractions.Agents;

namespace BackOffice.Tests.Sweeps;

/// <summary>Issue 18: which journaled writes can change what an agent computes (the rest keep its findings).</summary>
public sealed class AgentTablesTests
{
    private sealed class ReadsLittle : IAgent
    {
        public string Name => "little";

        public string Department => "finance";

        public IReadOnlySet<string> TablesNotRead { get; } = AgentTables.Of("workforce_timecards");

        public IReadOnlyDictionary<string, IReadOnlySet<string>> ColumnsNotRead { get; } =
            new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal) { ["ledger_bill_lines"] = AgentTables.Of("description", "billable") };

        public Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken) => Task.FromResult(SweepResult.Empty);
    }

    [Theory]
    [InlineData(null, null, true)]                              // a write whose table is not known: read
    [InlineData("workforce_timecards", null, false)]            // a table it never reads
    [InlineData("workforce_timecards", "rate", false)]
    [InlineData("ledger_bill_lines", null, true)]               // a line added or deleted: every column
    [InlineData("ledger_bill_lines", "description", false)]     // only columns it never reads
    [InlineData("ledger_bill_lines", "description,billable", false)]
    [InlineData("ledger_bill_lines", "description,amount_cents", true)]
    [InlineData("ledger_bill_lines", "amount_cents", true)]
    [InlineData("ledger_invoice_lines", "description", true)]   // a table it reads whole
    public void Reads_JournaledWrite_Expected(string? table, string? columns, bool expected)
    {
        Assert.Equal(expected, AgentTables.Reads(new ReadsLittle(), table, columns?.Split(',')));
    }

    [Fact]
    public void Reads_Financial_EveryTableButNotABillLineDescription()
    {
        IAgent plain = new BackOffice.Agents.Financial.FinancialAgent(new BackOffice.Agents.Financial.FinancialOptions());
        Assert.True(AgentTables.Reads(plain, "workforce_timecards", ["rate"]));
        Assert.False(AgentTables.Reads(plain, "ledger_bill_lines", ["description"]));
    }
}

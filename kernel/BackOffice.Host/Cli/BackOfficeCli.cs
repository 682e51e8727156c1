using System.CommandLine;

namespace BackOffice.Host.Cli;

/// <summary>The `backoffice` command line: every verb of issue 2, each in its own small file.</summary>
public static class BackOfficeCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Construction back office: reconciles project and ledger, proposes fixes, executes only what people approve.")
        {
            CliOptions.Data,
            CliOptions.Json,
            CliOptions.As,
            DemoCommand.Build(),
            TenantCommands.Build(),
            UsersCommands.Build(),
            TokensCommands.Build(),
            ImportCommand.Build(),
            GenerateCommand.Build(),
            SweepCommand.Build(),
            ProposalsCommands.Build(),
            AgentsCommands.Build(),
            AgentsCommands.BuildWrites(),
            AuditCommands.Build(),
            ReportCommand.Build(),
            PricebookCommands.Build(),
            ServeCommand.Build(),
            ConnectionsCommands.BuildConnect(),
            ConnectionsCommands.BuildDisconnect(),
            ConnectionsCommands.BuildList(),
            SyncCommand.Build(),
            TargetCommand.Build(),
            WipCommand.Build(),
            AskCommand.Build(),
            Bench.BenchCommand.Build(),
        };
        return root;
    }

    /// <summary>
    /// Runs a parsed command line. System.CommandLine answers a parse error (an unknown option, a value outside the
    /// allowed ones) with exit code 1; README promises 2 for bad usage, so a parse error is 2 (issue 17).
    /// </summary>
    public static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration? configuration = null)
    {
        var code = await parse.InvokeAsync(configuration ?? new InvocationConfiguration());
        return parse.Errors.Count > 0 ? 2 : code;
    }
}

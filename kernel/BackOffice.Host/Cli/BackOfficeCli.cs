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
        };
        return root;
    }
}

using System.CommandLine;

namespace BackOffice.Host.Cli;

/// <summary>Options shared by every command (issue 2, "The executable").</summary>
public static class CliOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder where all state lives (default: $BACKOFFICE_DATA, else ./.backoffice)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of a table (listings print an array of objects, each with an id)",
        Recursive = true,
    };

    public static readonly Option<string?> As = new("--as")
    {
        Description = "The user acting (default: $BACKOFFICE_USER)",
        Recursive = true,
    };

    public static Option<string?> Tenant() => new("--tenant")
    {
        Description = "Tenant (default: the only tenant, when there is just one)",
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Business date, yyyy-MM-dd (default: today, UTC)",
    };
}

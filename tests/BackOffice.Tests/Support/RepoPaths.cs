namespace BackOffice.Tests.Support;

/// <summary>Finds files that ship in the repository (the sample bundle, prompts) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoBundle => Path.Combine(Root, "samples", "demo");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentsBackOffice.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AgentsBackOffice.sln not found above " + AppContext.BaseDirectory);
    }
}

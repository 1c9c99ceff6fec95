namespace PlanRules.Cli.Tests;

/// <summary>Locates folders of the repository from the test output directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanRules.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PlanRules.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Reflection;
using PublicApiGenerator;

namespace PlanRules.Tests.PublicApi;

/// <summary>
/// The public surface of every package is reviewed: each assembly's API must equal
/// <c>tests/PlanRules.Tests/PublicApi/&lt;package&gt;.approved.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => new()
    {
        "PlanRules", "PlanRules.Hosting", "PlanRules.Authoring", "PlanRules.Testing", "PlanRules.Handouts",
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicApi_IsApproved(string package)
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "PlanRules.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, package + ".approved.txt");
        var receivedPath = Path.Combine(folder, package + ".received.txt");
        var received = Normalize(Assembly.Load(package).GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }));
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";

        if (received == approved)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of {package} changed. Review the difference:{Environment.NewLine}" +
            $"  diff {Relative(approvedPath)} {Relative(receivedPath)}{Environment.NewLine}" +
            $"If the change is intended, approve it by copying the received file over the approved one:{Environment.NewLine}" +
            $"  cp {Relative(receivedPath)} {Relative(approvedPath)}{Environment.NewLine}" +
            $"First difference at line {FirstDifference(approved, received)}.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path);

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < r.Length ? r[i] : "<end>";
            if (left != right) return $"{i + 1}: approved '{left.Trim()}', received '{right.Trim()}'";
        }
        return "?";
    }
}

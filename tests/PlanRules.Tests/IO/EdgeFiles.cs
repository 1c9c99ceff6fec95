using System.Diagnostics;

namespace PlanRules.Tests.IO;

/// <summary>
/// A temporary folder for edge-case files: FIFOs (made with <c>mkfifo</c>), sparse giant files and symbolic link
/// loops. Deleted on dispose. Every helper is synthetic: no real data.
/// </summary>
internal sealed class EdgeFiles : IDisposable
{
    public EdgeFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "planrules-edge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>FIFOs exist on Linux and macOS; the tests that need one return early elsewhere.</summary>
    public static bool CanMakeFifo => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A FIFO at <paramref name="relative"/>: opening it for reading would block until a writer comes.</summary>
    public string Fifo(string relative)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var process = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        Assert.True(process.WaitForExit(10_000) && process.ExitCode == 0, "mkfifo failed");
        return path;
    }

    /// <summary>A sparse file of <paramref name="bytes"/> bytes: no disk space, reading it whole would take long.</summary>
    public string Sparse(string relative, long bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.SetLength(bytes);
        return path;
    }

    /// <summary>A symbolic link at <paramref name="relative"/> to the folder <paramref name="target"/> (relative to the root).</summary>
    public string DirectoryLink(string relative, string target)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateSymbolicLink(path, PathOf(target));
        return path;
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and fails the test if it does not end in time (a hang).</summary>
    public static T Bounded<T>(Func<T> work, int seconds = 20)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"did not finish within {seconds} s (a hang)");
        return task.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

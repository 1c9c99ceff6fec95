using PlanRules.IO;

namespace PlanRules.Tests.IO;

/// <summary><see cref="SafeDirectoryWalk"/>: deterministic, loop-safe, reports instead of throwing.</summary>
public sealed class SafeDirectoryWalkTests : IDisposable
{
    private readonly EdgeFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Find_ListsJsonFiles_InOrdinalOrder()
    {
        _files.Write("b.json", "{}");
        _files.Write("A.json", "{}");
        _files.Write("sub/c.json", "{}");
        _files.Write("notes.txt", "x");
        var walk = SafeDirectoryWalk.Find(_files.Root);
        Assert.Equal(["A.json", "b.json", "sub/c.json"], walk.Files.Select(f => f.RelativePath));
        Assert.Empty(walk.Problems);
    }

    [Fact]
    public void Find_SymlinkLoop_IsReported_AndDoesNotHang()
    {
        _files.Write("dir/a.json", "{}");
        _files.DirectoryLink("dir/loop", "dir");
        var walk = EdgeFiles.Bounded(() => SafeDirectoryWalk.Find(_files.PathOf("dir")));
        Assert.Equal(["a.json"], walk.Files.Select(f => f.RelativePath));
        var problem = Assert.Single(walk.Problems);
        Assert.Equal(("loop", WalkProblemKind.SymlinkLoop), (problem.RelativePath, problem.Kind));
    }

    [Fact]
    public void Find_TwoLinksToOneFolder_WalksItOnce()
    {
        _files.Write("root/real/a.json", "{}");
        _files.DirectoryLink("root/z-link", "root/real");
        var walk = SafeDirectoryWalk.Find(_files.PathOf("root"));
        Assert.Equal(["real/a.json"], walk.Files.Select(f => f.RelativePath));
        Assert.Empty(walk.Problems);
    }

    [Fact]
    public void Find_Fifo_IsReported_NotListed()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        _files.Write("a.json", "{}");
        _files.Fifo("x.json");
        var walk = EdgeFiles.Bounded(() => SafeDirectoryWalk.Find(_files.Root));
        Assert.Equal(["a.json"], walk.Files.Select(f => f.RelativePath));
        Assert.Equal(("x.json", WalkProblemKind.NotRegularFile), (walk.Problems[0].RelativePath, walk.Problems[0].Kind));
    }

    [Fact]
    public void Find_UnreadableSubFolder_IsReported_AndTheWalkGoesOn()
    {
        // Tests run as root, where chmod 000 does not stop reading: the fault is injected into the lister instead.
        _files.Write("a.json", "{}");
        _files.Write("locked/b.json", "{}");
        _files.Write("open/c.json", "{}");
        var locked = _files.PathOf("locked");
        var walk = SafeDirectoryWalk.Find(_files.Root, lister: dir => dir == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{dir}' is denied.")
            : Directory.EnumerateFileSystemEntries(dir));
        Assert.Equal(["a.json", "open/c.json"], walk.Files.Select(f => f.RelativePath));
        var problem = Assert.Single(walk.Problems);
        Assert.Equal(("locked", WalkProblemKind.UnreadableFolder), (problem.RelativePath, problem.Kind));
    }

    [Fact]
    public void Find_DanglingJsonLink_IsReported()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        File.CreateSymbolicLink(_files.PathOf("gone.json"), _files.PathOf("nowhere.json"));
        var walk = SafeDirectoryWalk.Find(_files.Root);
        Assert.Empty(walk.Files);
        Assert.Equal(("gone.json", WalkProblemKind.Unreadable), (walk.Problems[0].RelativePath, walk.Problems[0].Kind));
    }
}

using PlanRules.IO;

namespace PlanRules.Tests.IO;

/// <summary><see cref="AtomicFile"/>: the target is replaced whole on commit, and untouched otherwise.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly EdgeFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void WriteAllText_ReplacesTheTarget_AndLeavesNoTemporaryFile()
    {
        var target = _files.Write("out/report.md", "old");
        AtomicFile.WriteAllText(target, "new\n");
        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal(["report.md"], Directory.GetFiles(_files.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_MakesTheFolder()
    {
        AtomicFile.WriteAllText(_files.PathOf("a/b/c.txt"), "x");
        Assert.Equal("x", File.ReadAllText(_files.PathOf("a/b/c.txt")));
    }

    [Fact]
    public void DisposeWithoutCommit_KeepsTheOldTargetByteIdentical_AndDeletesTheTemporaryFile()
    {
        var target = _files.Write("out/report.json", "{ \"old\": 1 }");
        var before = File.ReadAllBytes(target);
        string temporary;
        using (var file = AtomicFile.Create(target))
        {
            temporary = file.TemporaryPath;
            file.Writer.Write(new string('x', 200_000)); // partly flushed to the temporary file
            file.Writer.Flush();
            Assert.True(File.Exists(temporary));
            Assert.Equal(Path.GetDirectoryName(target), Path.GetDirectoryName(temporary));
        }
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.False(File.Exists(temporary));
    }

    [Fact]
    public void Create_OnAFolder_Throws_AndLeavesNothing()
    {
        Directory.CreateDirectory(_files.PathOf("out/report.json"));
        Assert.Throws<IOException>(() => AtomicFile.Create(_files.PathOf("out/report.json")));
        Assert.Empty(Directory.GetFiles(_files.PathOf("out")));
    }
}

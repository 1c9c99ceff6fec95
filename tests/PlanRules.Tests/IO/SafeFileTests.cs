using PlanRules.IO;

namespace PlanRules.Tests.IO;

/// <summary><see cref="SafeFile"/>: only regular files, only within the limit, never a hang, never an exception.</summary>
public sealed class SafeFileTests : IDisposable
{
    private readonly EdgeFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ReadText_RegularFile_ReturnsItsText()
    {
        var path = _files.Write("a.json", "{ \"x\": \"é\" }");
        var read = SafeFile.ReadText(path, 1024);
        Assert.True(read.Succeeded);
        Assert.Equal("{ \"x\": \"é\" }", read.Text);
    }

    [Fact]
    public void ReadText_Fifo_IsRefusedWithoutOpening_AndDoesNotHang()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        var fifo = _files.Fifo("x.json");
        var read = EdgeFiles.Bounded(() => SafeFile.ReadText(fifo, 1024));
        Assert.Equal(SafeReadError.NotRegularFile, read.Error);
        Assert.Null(read.Text);
        Assert.Contains("not a regular file", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_DirectoryNamedJson_IsNotARegularFile()
    {
        Directory.CreateDirectory(_files.PathOf("dir.json"));
        var read = SafeFile.ReadText(_files.PathOf("dir.json"), 1024);
        Assert.Equal(SafeReadError.NotRegularFile, read.Error);
    }

    [Fact]
    public void ReadText_Device_IsNotARegularFile()
    {
        if (!OperatingSystem.IsLinux()) return;
        var read = EdgeFiles.Bounded(() => SafeFile.ReadText("/dev/zero", 1024));
        Assert.Equal(SafeReadError.NotRegularFile, read.Error);
    }

    [Fact]
    public void ReadText_Missing_IsNotFound()
    {
        Assert.Equal(SafeReadError.NotFound, SafeFile.ReadText(_files.PathOf("nope.json"), 1024).Error);
        Assert.Equal(SafeReadError.NotFound, SafeFile.ReadText(_files.PathOf("nope/deeper.json"), 1024).Error);
    }

    [Fact]
    public void ReadText_SparseGiantFile_IsRefusedBySize_Quickly()
    {
        var giant = _files.Sparse("giant.json", 1_200_000_000L);
        var read = EdgeFiles.Bounded(() => SafeFile.ReadText(giant, 4 * 1024 * 1024), seconds: 10);
        Assert.Equal(SafeReadError.TooLarge, read.Error);
        Assert.Contains("too large", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_FileJustOverTheLimit_IsTooLarge_AndAtTheLimitIsRead()
    {
        var at = _files.Write("at.json", new string('a', 100));
        var over = _files.Write("over.json", new string('a', 101));
        Assert.True(SafeFile.ReadText(at, 100).Succeeded);
        Assert.Equal(SafeReadError.TooLarge, SafeFile.ReadText(over, 100).Error);
    }

    [Fact]
    public void ReadText_FileReportingSizeZero_IsCappedWhileStreaming()
    {
        // /proc files report size 0 but have content: the cap must hold while reading.
        if (!OperatingSystem.IsLinux()) return;
        var read = SafeFile.ReadText("/proc/self/maps", 16);
        Assert.Equal(SafeReadError.TooLarge, read.Error);
    }

    [Fact]
    public void ReadText_InvalidUtf8_IsReported_WithoutItsBytes()
    {
        var path = _files.PathOf("bad.json");
        File.WriteAllBytes(path, [(byte)'{', 0xC3, 0x28, (byte)'}']);
        var read = SafeFile.ReadText(path, 1024);
        Assert.Equal(SafeReadError.InvalidUtf8, read.Error);
        Assert.DoesNotContain("{", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_SymlinkLoop_IsUnreadable_NotAnException()
    {
        if (!EdgeFiles.CanMakeFifo) return;
        var path = _files.PathOf("self.json");
        File.CreateSymbolicLink(path, path);
        var read = SafeFile.ReadText(path, 1024);
        Assert.Equal(SafeReadError.Unreadable, read.Error);
    }

    [Fact]
    public void TryOpenRegular_Fifo_DoesNotBlock_AndGivesNoHandle()
    {
        // The second line of defence: a FIFO swapped in after the type check is opened without blocking and refused.
        if (!OperatingSystem.IsLinux()) return;
        var fifo = _files.Fifo("x.json");
        var (supported, handle, probe) = EdgeFiles.Bounded(() =>
        {
            var ok = FileProbe.TryOpenRegular(fifo, out var h, out var p);
            return (ok, h, p);
        });
        Assert.True(supported);
        Assert.Null(handle);
        Assert.Equal(FileKind.Other, probe.Kind);
    }

    [Fact]
    public void TryOpenRegular_RegularFile_GivesAReadableHandle()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = _files.Write("a.json", "{}");
        Assert.True(FileProbe.TryOpenRegular(path, out var handle, out var probe));
        using (handle)
        {
            Assert.NotNull(handle);
            Assert.Equal((FileKind.Regular, 2L), (probe.Kind, probe.Size));
        }
    }
}

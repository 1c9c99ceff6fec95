using System.Text;

namespace PlanRules.Replay;

/// <summary>
/// A temporary file that report writers stream per-case entries into, so that the totals can be written first and a
/// report of any size is built in bounded memory. The file is deleted when the spool is disposed.
/// </summary>
internal sealed class Spool : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly FileStream _stream;

    public Spool()
    {
        var path = Path.Combine(Path.GetTempPath(), "planrules-" + Guid.NewGuid().ToString("N") + ".spool");
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        Writer = new StreamWriter(_stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
    }

    /// <summary>Where entries are written.</summary>
    public TextWriter Writer { get; }

    /// <summary>Copies everything written so far to <paramref name="target"/>.</summary>
    public void CopyTo(TextWriter target) => CopyTo(target.Write);

    /// <summary>Copies everything written so far, chunk by chunk.</summary>
    public void CopyTo(Action<char[], int, int> write)
    {
        Writer.Flush();
        _stream.Position = 0;
        using var reader = new StreamReader(_stream, Utf8, false, 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 14];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) write(buffer, 0, read);
        _stream.Seek(0, SeekOrigin.End);
    }

    public void Dispose()
    {
        Writer.Dispose();
        _stream.Dispose();
    }
}

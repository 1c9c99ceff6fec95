using System.Text;

namespace PlanRules.IO;

/// <summary>
/// Writes a file so that nothing is lost: the text goes to a temporary file beside the target
/// (<c>.name.tmp-random</c>, same folder, so the rename stays on one file system) that is renamed over the target only
/// by <see cref="Commit"/>. Disposed without a commit (an error, a crash, Ctrl+C) it deletes the temporary file and
/// the old target is untouched. Not thread-safe: one writer per instance.
/// </summary>
internal sealed class AtomicFile : IDisposable, IAsyncDisposable
{
    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    private AtomicFile(string target, string temporary, FileStream stream)
    {
        Target = target;
        TemporaryPath = temporary;
        _stream = stream;
        Writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
    }

    /// <summary>The file written on <see cref="Commit"/> (full path).</summary>
    public string Target { get; }

    /// <summary>The temporary file beside it.</summary>
    public string TemporaryPath { get; }

    /// <summary>Writes UTF-8 text without a byte order mark, <c>\n</c> line ends.</summary>
    public StreamWriter Writer { get; }

    /// <summary>Starts writing <paramref name="target"/>, creating its folder when needed.</summary>
    /// <param name="target">The file to write.</param>
    /// <exception cref="IOException">The folder or the temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static AtomicFile Create(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"'{target}' names no file");
        if (Directory.Exists(full)) throw new IOException($"'{target}' is a folder");
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid().ToString("N")[..12]}");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new AtomicFile(full, temporary, stream);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="target"/> atomically: all of it, or the old file untouched.</summary>
    /// <param name="target">The file.</param>
    /// <param name="text">The text (UTF-8, no byte order mark).</param>
    public static void WriteAllText(string target, string text)
    {
        using var file = Create(target);
        file.Writer.Write(text);
        file.Commit();
    }

    /// <summary>Flushes the text to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Writer.Flush();
        _stream.Flush(flushToDisk: true);
        Writer.Dispose();
        File.Move(TemporaryPath, Target, overwrite: true);
        _committed = true;
        _disposed = true;
    }

    /// <summary>Without a commit: closes and deletes the temporary file, leaving the target as it was.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // A failed flush (e.g. a full disk): the temporary file goes anyway.
        }
        if (!_committed) TryDelete(TemporaryPath);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden temporary file never replaces the target.
        }
    }
}

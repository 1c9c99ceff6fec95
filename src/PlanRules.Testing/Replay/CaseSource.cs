using PlanRules.Cases;
using PlanRules.IO;

namespace PlanRules.Replay;

/// <summary>
/// One case document of a corpus, read only when it is planned: a file, or JSON text held by the host. Cases of a
/// corpus are ordered by <see cref="Name"/> (ordinal). Immutable and thread-safe.
/// </summary>
public abstract class CaseSource
{
    private protected CaseSource(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>
    /// The name reports use: the file name for a file given directly, the path relative to the folder (with <c>/</c>)
    /// for a file found in a folder, or the name given by the host.
    /// </summary>
    public string Name { get; }

    /// <summary>The file's full path, or <c>null</c> for text held in memory.</summary>
    public virtual string? Path => null;

    /// <summary>
    /// Reads the case document. Thread-safe. A file is read only when it is a regular file of at most
    /// 4 MiB of UTF-8 (a FIFO or device is never opened).
    /// </summary>
    /// <exception cref="IOException">The file cannot be read, is not a regular file, is too large or is not UTF-8.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public abstract string ReadText();

    /// <summary>A case file; read when planned.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The name reports use; defaults to the file name.</param>
    public static CaseSource FromFile(string path, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        return new FileSource(full, name ?? System.IO.Path.GetFileName(full));
    }

    /// <summary>A case document held in memory (e.g. generated, or from a database).</summary>
    /// <param name="name">The name reports use.</param>
    /// <param name="json">The case JSON.</param>
    public static CaseSource FromText(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new TextSource(name, json);
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>
    /// Reads the case document without throwing for what is on disk: the text, or why there is none in words that never
    /// quote the content. Thread-safe.
    /// </summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    internal virtual SafeReadResult Read(CancellationToken cancellationToken)
    {
        try
        {
            return new SafeReadResult(ReadText(), SafeReadError.None, "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return SafeReadResult.Fail(SafeReadError.Unreadable, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A host's source failed in another way: an error case, and the run goes on. Only the type is shown: the
            // message of an unexpected exception may quote what it was reading.
            return SafeReadResult.Fail(SafeReadError.Unreadable, $"{ex.GetType().Name} while reading the case");
        }
    }

    /// <summary>A place of a corpus that holds no readable case (an unreadable folder, a FIFO, a symbolic link loop), reported as an error case.</summary>
    /// <param name="name">The name reports use: the relative path.</param>
    /// <param name="path">The full path, when known.</param>
    /// <param name="problem">Why, in words that never quote content.</param>
    internal static CaseSource Unreadable(string name, string? path, string problem) => new ProblemSource(name, path, problem);

    private sealed class FileSource(string path, string name) : CaseSource(name)
    {
        public override string? Path => path;

        public override string ReadText()
        {
            var read = Read(CancellationToken.None);
            return read.Text ?? throw new IOException(read.Message);
        }

        internal override SafeReadResult Read(CancellationToken cancellationToken) =>
            SafeFile.ReadText(path, CaseJsonReader.MaxBytes, cancellationToken);
    }

    private sealed class ProblemSource(string name, string? path, string problem) : CaseSource(name)
    {
        public override string? Path => path;

        public override string ReadText() => throw new IOException(problem);

        internal override SafeReadResult Read(CancellationToken cancellationToken) => SafeReadResult.Fail(SafeReadError.Unreadable, problem);
    }

    private sealed class TextSource(string name, string json) : CaseSource(name)
    {
        public override string ReadText() => json;
    }
}

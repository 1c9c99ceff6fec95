using System.Text;

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

    /// <summary>Reads the case document. Thread-safe.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
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

    private sealed class FileSource(string path, string name) : CaseSource(name)
    {
        public override string? Path => path;

        public override string ReadText() => File.ReadAllText(path, Encoding.UTF8);
    }

    private sealed class TextSource(string name, string json) : CaseSource(name)
    {
        public override string ReadText() => json;
    }
}

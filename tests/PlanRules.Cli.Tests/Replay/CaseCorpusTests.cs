using PlanRules.Replay;

namespace PlanRules.Cli.Tests.Replay;

/// <summary>Finding the cases of a corpus: ordinal name order, recursion, files given directly.</summary>
public sealed class CaseCorpusTests : IDisposable
{
    private readonly TestCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Discover_Folder_ListsJsonFilesRecursively_InOrdinalNameOrder_WithoutReadingThem()
    {
        foreach (var name in new[] { "b.json", "a.json", "B.json", "sub/a.json", "a.schema.json", "notes.txt", "sub/deeper/z.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_corpus.PathOf("cases/" + name))!);
            File.WriteAllText(_corpus.PathOf("cases/" + name), "not read");
        }

        var cases = CaseCorpus.Discover([_corpus.PathOf("cases")]);

        Assert.Equal(["B.json", "a.json", "b.json", "sub/a.json", "sub/deeper/z.json"], cases.Select(c => c.Name));
        Assert.All(cases, c => Assert.True(Path.IsPathRooted(c.Path)));
    }

    [Fact]
    public void Discover_FilesAndFolders_AreMergedInNameOrder_AndListedOnce()
    {
        var z = _corpus.WriteCase("z.json", TestCorpus.Case("z"));
        _corpus.WriteCase("cases/m.json", TestCorpus.Case("m"));
        var a = _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));

        var cases = CaseCorpus.Discover([z, _corpus.PathOf("cases"), a]);

        Assert.Equal(["a.json", "m.json", "z.json"], cases.Select(c => c.Name));
    }

    [Fact]
    public void Discover_MissingPath_Throws()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => CaseCorpus.Discover([_corpus.PathOf("missing")]));
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseSource_FromText_ReadsTheText()
    {
        var source = CaseSource.FromText("x.json", "{}");

        Assert.Equal(("x.json", null, "{}"), (source.Name, source.Path, source.ReadText()));
    }
}

using System.Text;
using Newtonsoft.Json.Linq;

namespace PlanRules.Cli.Tests;

/// <summary>
/// '-' as a case argument reads one case from standard input, bounded and strict: empty, not JSON, not UTF-8 or huge
/// input is a clean case error (exit 3), never an exception, a hang or an echo of the input.
/// </summary>
public sealed class StdinTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly string _rules;

    public StdinTests() => _rules = _corpus.WriteRuleSet("rules");

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Plan_Dash_PlansTheCaseOnStandardInput_LikeTheSameFile()
    {
        var file = _corpus.WriteCase("a.json", TestCorpus.Case("piped"));

        var fromFile = CliResult.Run("plan", file, "--rules", _rules);
        var fromStdin = CliResult.RunWithInput(File.ReadAllText(file), "plan", "-", "--rules", _rules);

        Assert.True(fromStdin.ExitCode == ExitCodes.Success, fromStdin.ToString());
        Assert.Equal("piped", (string?)JObject.Parse(fromStdin.Out)["caseId"]);
        Assert.Equal(fromFile.Out, fromStdin.Out);
    }

    [Fact]
    public void Plan_TextFormat_FromStdin()
    {
        var result = CliResult.RunWithInput(TestCorpus.Case("piped").ToString(), "plan", "-", "--rules", _rules, "--format", "text");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("esi.lumbar.transforaminal", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_Dash_JoinsTheCorpus_InNameOrder()
    {
        _corpus.WriteCase("cases/b.json", TestCorpus.Case("b"));

        var result = CliResult.RunWithInput(TestCorpus.Case("s").ToString(), "replay", "-", _corpus.PathOf("cases"), "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("2 passed, 0 failed", result.OutLines[^1]);
    }

    public static TheoryData<string, byte[]> BadInputs => new()
    {
        { "empty", [] },
        { "whitespace", "  \n\t "u8.ToArray() },
        { "not JSON", Encoding.UTF8.GetBytes("name: Jane Secretname, mrn 00482913") },
        { "a JSON array", Encoding.UTF8.GetBytes("[\"Secretname\"]") },
        { "truncated", Encoding.UTF8.GetBytes("{\"schema\": \"planrules.case/1\", \"caseId\": \"Secretname") },
        { "not UTF-8", [0x7B, 0xFF, 0xFE, 0x22, 0x7D] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Plan_BadStdin_IsACaseError_NeverEchoed(string kind, byte[] input)
    {
        var result = CliResult.RunWithInput(new MemoryStream(input), "plan", "-", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, kind + "\n" + result);
        Assert.Equal("", result.Out);
        Assert.StartsWith("stdin: ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Secretname", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_HugeStdin_IsRefusedByItsSize_WithoutReadingItAll()
    {
        var endless = new EndlessStream();

        var result = CliResult.RunWithInput(endless, "plan", "-", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("larger than the 4194304 bytes", result.Err, StringComparison.Ordinal);
        Assert.True(endless.BytesRead < 5L * 1024 * 1024, $"read {endless.BytesRead} bytes");
    }

    [Fact]
    public async Task Dash_FromATerminal_IsAUsageError_InsteadOfWaiting()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["plan", "-", "--rules", _rules], output, error, openInput: () => throw new InvalidOperationException("must not be read"),
            inputIsTerminal: true);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("standard input, which is a terminal", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_Twice_IsAUsageError()
    {
        var result = CliResult.RunWithInput(TestCorpus.Case("x").ToString(), "plan", "-", "-", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("'-' (standard input) can be given once", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanFhir_Dash_ReadsTheBundleFromStdin_AndRefusesNonJson()
    {
        var result = CliResult.RunWithInput("not a bundle Secretname", "plan", "--fhir", "-", "--rules", _rules, "--as-of", "2026-01-01");

        Assert.True(result.ExitCode is ExitCodes.CaseErrors, result.ToString());
        Assert.DoesNotContain("Secretname", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanFhir_EmptyStdin_IsACaseError()
    {
        var result = CliResult.RunWithInput("", "plan", "--fhir", "-", "--rules", _rules);

        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("standard input is empty", result.Err, StringComparison.Ordinal);
    }

    /// <summary>A stream of '{' that never ends; counts what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'{');
            BytesRead += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

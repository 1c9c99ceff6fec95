using System.Diagnostics;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using PlanRules.Replay;

namespace PlanRules.Cli.Tests;

/// <summary>
/// Trust at the edges: FIFOs, symbolic link loops, unreadable folders and giant files given to the command line are
/// clean diagnostics with documented exit codes; nothing hangs, no stack trace is printed, no case content is echoed.
/// Every test is bounded by a timeout so that a regression shows as a failure, not a hung test run.
/// </summary>
public sealed class EdgeInputTests : IDisposable
{
    /// <summary>A value only the case content holds: it must never appear in any output.</summary>
    private const string Secret = "edge-secret-7f3a";

    private readonly TestCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private static bool Unix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    [Fact]
    public void Replay_FolderWithFifoLoopAndGiantFile_ReportsEachAsAnErrorCase_AndGoesOn()
    {
        if (!Unix) return;
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case(Secret));
        MakeFifo(_corpus.PathOf("cases/fifo.json"));
        Directory.CreateSymbolicLink(_corpus.PathOf("cases/loop"), _corpus.PathOf("cases"));
        Sparse(_corpus.PathOf("cases/giant.json"), 1_200_000_000L);

        foreach (var (format, extension) in new[] { ("junit", "xml"), ("json", "json"), ("markdown", "md") })
        {
            var report = _corpus.PathOf($"out/report.{extension}");
            var result = Bounded(() => CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", rules, "--format", format, "-o", report, "--parallel", "2"));

            Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
            Assert.Equal("1 passed, 3 failed", result.OutLines[^1]);
            Assert.Contains("ERROR fifo.json", result.Out, StringComparison.Ordinal);
            Assert.Contains("ERROR giant.json", result.Out, StringComparison.Ordinal);
            Assert.Contains("ERROR loop", result.Out, StringComparison.Ordinal);
            Assert.Contains("not a regular file", result.Out, StringComparison.Ordinal);
            Assert.Contains("too large", result.Out, StringComparison.Ordinal);
            NoStackTrace(result);
            Assert.DoesNotContain(Secret, result.All, StringComparison.Ordinal);
            var text = File.ReadAllText(report);
            foreach (var name in new[] { "fifo.json", "giant.json", "loop" }) Assert.Contains(name, text, StringComparison.Ordinal);
        }
        var junit = XDocument.Load(_corpus.PathOf("out/report.xml"));
        Assert.Equal("3", (string?)junit.Root!.Attribute("errors") ?? (string?)junit.Root.Element("testsuite")?.Attribute("errors"));
    }

    [Fact]
    public void Replay_UnreadableSubFolder_IsAnErrorCase_AndTheOthersReplay()
    {
        // chmod 000 stops reading only for a user without CAP_DAC_OVERRIDE: as root (CI, this machine) the command runs
        // as a process under 'setpriv' as nobody; as another user it runs in-process.
        if (!OperatingSystem.IsLinux()) return;
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/locked/b.json", TestCorpus.Case(Secret));
        File.SetUnixFileMode(_corpus.PathOf("cases/locked"), UnixFileMode.None);
        try
        {
            int code;
            string stdout, stderr;
            if (Environment.UserName == "root")
            {
                if (!File.Exists("/usr/bin/setpriv")) return;
                (code, stdout, stderr) = RunAsNobody("replay", _corpus.PathOf("cases"), "--rules", rules, "--parallel", "1");
            }
            else
            {
                var result = Bounded(() => CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", rules, "--parallel", "1"));
                (code, stdout, stderr) = (result.ExitCode, result.Out, result.Err);
            }
            Assert.True(code == ExitCodes.CaseErrors, $"exit {code}\n{stdout}\n{stderr}");
            Assert.Contains("ERROR locked", stdout, StringComparison.Ordinal);
            Assert.Contains("the folder cannot be read", stdout, StringComparison.Ordinal);
            Assert.Equal("1 passed, 1 failed", stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('\r'));
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(_corpus.PathOf("cases/locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Replay_UnreadableSubFolder_InjectedFault_IsAnErrorCaseInEveryReportFormat()
    {
        // The same fault injected into the folder lister, whoever runs the tests.
        var rules = RuleSet.LoadDirectory(_corpus.WriteRuleSet("rules")).RuleSet!;
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        _corpus.WriteCase("cases/locked/b.json", TestCorpus.Case(Secret));
        var locked = _corpus.PathOf("cases/locked");
        var corpus = CaseCorpus.DiscoverWith([_corpus.PathOf("cases")], dir => dir == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{dir}' is denied.")
            : Directory.EnumerateFileSystemEntries(dir));
        Assert.Equal(["a.json", "locked"], corpus.Select(c => c.Name));

        foreach (var format in new[] { ReplayReportFormat.JUnit, ReplayReportFormat.Json, ReplayReportFormat.Markdown })
        {
            var text = new StringWriter();
            using (var report = ReplayReportWriter.Create(format, text))
            {
                var summary = await new ReplayRunner(rules).RunAsync(corpus, report.Add, parallelism: 1);
                report.Complete(summary);
                Assert.Equal("1 passed, 1 failed", summary.ToString());
                Assert.Equal(1, summary.Errors);
            }
            Assert.Contains("locked", text.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan_FifoCaseFile_IsACaseError_WithoutHanging()
    {
        if (!Unix) return;
        MakeFifo(_corpus.PathOf("x.json"));
        var result = Bounded(() => CliResult.Run("plan", _corpus.PathOf("x.json")));
        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("x.json", result.Err, StringComparison.Ordinal);
        Assert.Contains("not a regular file", result.Err, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public void Plan_GiantSparseCaseFile_IsRefused_WithoutReadingItWhole()
    {
        Sparse(_corpus.PathOf("giant.json"), 1_200_000_000L);
        var clock = Stopwatch.StartNew();
        var result = Bounded(() => CliResult.Run("plan", _corpus.PathOf("giant.json")), seconds: 30);
        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("too large", result.Err, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        NoStackTrace(result);
    }

    [Fact]
    public void Explain_FifoCaseFile_IsACaseError_WithoutHanging()
    {
        if (!Unix) return;
        MakeFifo(_corpus.PathOf("x.json"));
        var result = Bounded(() => CliResult.Run("explain", _corpus.PathOf("x.json"), "--intervention", "mbb.lumbar"));
        Assert.True(result.ExitCode == ExitCodes.CaseErrors, result.ToString());
        Assert.Contains("not a regular file", result.Err, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public void PlanFhir_DirectoryOrFifo_IsACleanCaseError()
    {
        Directory.CreateDirectory(_corpus.PathOf("bundle.json"));
        var dir = Bounded(() => CliResult.Run("plan", "--fhir", _corpus.PathOf("bundle.json")));
        Assert.True(dir.ExitCode == ExitCodes.CaseErrors, dir.ToString());
        Assert.Contains("cannot be read: not a regular file", dir.Err, StringComparison.Ordinal);
        NoStackTrace(dir);

        var missing = CliResult.Run("plan", "--fhir", _corpus.PathOf("nope.json"));
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);

        if (!Unix) return;
        MakeFifo(_corpus.PathOf("fifo.json"));
        var fifo = Bounded(() => CliResult.Run("plan", "--fhir", _corpus.PathOf("fifo.json")));
        Assert.True(fifo.ExitCode == ExitCodes.CaseErrors, fifo.ToString());
        Assert.Contains("not a regular file", fifo.Err, StringComparison.Ordinal);
        NoStackTrace(fifo);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("loop")]
    [InlineData("giant")]
    public void Rules_FolderWithBadEntry_DoesNotLoad_WithADiagnosticNamingIt(string kind)
    {
        if (!Unix && kind != "giant") return;
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        var (path, code, words) = kind switch
        {
            "fifo" => (Path.Combine(rules, "test", "x.json"), "PR1006", "not a regular file"),
            "loop" => (Path.Combine(rules, "test", "loop"), "PR1006", "loop"),
            _ => (Path.Combine(rules, "test", "giant.json"), "PR1005", "too large"),
        };
        switch (kind)
        {
            case "fifo": MakeFifo(path); break;
            case "loop": Directory.CreateSymbolicLink(path, rules); break;
            default: Sparse(path, 1_200_000_000L); break;
        }

        foreach (var args in new[] { new[] { "replay", _corpus.PathOf("cases"), "--rules", rules }, ["lint", rules], ["review", rules] })
        {
            var result = Bounded(() => CliResult.Run(args));
            var expected = args[0] == "lint" ? 1 : ExitCodes.Usage;
            Assert.True(result.ExitCode == expected, args[0] + ": " + result);
            Assert.Contains(code, result.All, StringComparison.Ordinal);
            Assert.Contains("test/" + Path.GetFileName(path), result.All, StringComparison.Ordinal);
            Assert.Contains(words, result.All, StringComparison.Ordinal);
            NoStackTrace(result);
        }
    }

    [Fact]
    public void Replay_CancelledWhileWriting_LeavesThePreviousReportByteIdentical()
    {
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        var report = _corpus.PathOf("out/report.json");
        Directory.CreateDirectory(_corpus.PathOf("out"));
        byte[] previous = [.. "{ \"previous\": true }\n"u8];
        File.WriteAllBytes(report, previous);

        // Cancel as soon as the run starts: the report's temporary file exists by then.
        using var cancel = new CancellationTokenSource();
        var output = new HookWriter(line => { if (line.StartsWith("Replaying", StringComparison.Ordinal)) cancel.Cancel(); });
        var error = new StringWriter();
        var code = Bounded(() => CliApp.RunAsync(["replay", _corpus.PathOf("cases"), "--rules", rules, "-o", report], output, error,
            cancellationToken: cancel.Token).GetAwaiter().GetResult());

        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{output}\n{error}");
        Assert.Equal(previous, File.ReadAllBytes(report));
        Assert.Equal(["report.json"], Directory.GetFiles(_corpus.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Replay_FailingWhileWriting_LeavesThePreviousReport_AndPrintsOneLine()
    {
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        var report = _corpus.PathOf("out/report.xml");
        Directory.CreateDirectory(_corpus.PathOf("out"));
        byte[] previous = [.. "<previous/>\n"u8];
        File.WriteAllBytes(report, previous);

        foreach (var verbose in new[] { false, true })
        {
            var output = new HookWriter(line => { if (line.StartsWith("Replaying", StringComparison.Ordinal)) throw new InvalidOperationException(Secret); });
            var error = new StringWriter { NewLine = "\n" };
            string[] args = ["replay", _corpus.PathOf("cases"), "--rules", rules, "-o", report];
            var code = Bounded(() => CliApp.Run(verbose ? [.. args, "--verbose"] : args, output, error));

            Assert.Equal(ExitCodes.InternalError, code);
            Assert.Equal(previous, File.ReadAllBytes(report));
            Assert.Equal(["report.xml"], Directory.GetFiles(_corpus.PathOf("out")).Select(Path.GetFileName));
            var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("internal error: System.InvalidOperationException", lines[0], StringComparison.Ordinal);
            Assert.Contains("--verbose", lines[0], StringComparison.Ordinal);
            if (verbose)
            {
                Assert.Contains("   at ", error.ToString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Single(lines);
                Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Replay_ReportThatCannotBeRenamedIntoPlace_IsACleanError_AndLeavesNoTemporaryFile()
    {
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        var report = _corpus.PathOf("out/report.md");
        // Once the run has started, a non-empty folder takes the report's place: the final rename fails.
        var output = new HookWriter(line =>
        {
            if (line.StartsWith("Replaying", StringComparison.Ordinal)) File.WriteAllText(Path.Combine(Directory.CreateDirectory(report).FullName, "keep"), "x");
        });
        var error = new StringWriter();
        var code = Bounded(() => CliApp.Run(["replay", _corpus.PathOf("cases"), "--rules", rules, "-o", report], output, error));

        Assert.True(code == ExitCodes.Usage, $"exit {code}\n{output}\n{error}");
        Assert.Contains($"error: cannot write '{report}'", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_corpus.PathOf("out")));
        Assert.Equal("x", File.ReadAllText(Path.Combine(report, "keep")));
    }

    [Fact]
    public void Replay_Report_IsWrittenWhole_WithNoTemporaryFileLeft()
    {
        var rules = _corpus.WriteRuleSet("rules");
        _corpus.WriteCase("cases/a.json", TestCorpus.Case("a"));
        var report = _corpus.PathOf("out/report.json");
        var result = CliResult.Run("replay", _corpus.PathOf("cases"), "--rules", rules, "-o", report);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.NotNull(JObject.Parse(File.ReadAllText(report)));
        Assert.Equal(["report.json"], Directory.GetFiles(_corpus.PathOf("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void LintAndReview_Out_WriteWhole_WithNoTemporaryFileLeft()
    {
        var rules = _corpus.WriteRuleSet("rules");
        var lint = CliResult.Run("lint", rules, "--format", "sarif", "-o", _corpus.PathOf("out/lint.sarif"));
        var review = CliResult.Run("review", rules, "-o", _corpus.PathOf("out/review.html"));
        Assert.Equal(ExitCodes.Success, review.ExitCode);
        Assert.NotNull(JObject.Parse(File.ReadAllText(_corpus.PathOf("out/lint.sarif"))));
        Assert.Equal(["lint.sarif", "review.html"], Directory.GetFiles(_corpus.PathOf("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        NoStackTrace(lint);
    }

    [Fact]
    public void Verbose_IsAcceptedByEveryCommand()
    {
        var rules = _corpus.WriteRuleSet("rules");
        var path = _corpus.WriteCase("a.json", TestCorpus.Case("a"));
        Assert.Equal(ExitCodes.Success, CliResult.Run("plan", path, "--rules", rules, "--verbose").ExitCode);
        Assert.Equal(ExitCodes.Success, CliResult.Run("--verbose", "replay", path, "--rules", rules).ExitCode);
    }

    private static void NoStackTrace(CliResult result) =>
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);

    private static T Bounded<T>(Func<T> work, int seconds = 60)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"did not finish within {seconds} s (a hang)");
        return task.Result;
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var process = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        Assert.True(process.WaitForExit(10_000) && process.ExitCode == 0, "mkfifo failed");
    }

    private static void Sparse(string path, long bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.SetLength(bytes);
    }

    /// <summary>Runs the built command as the user nobody (for tests that need permissions enforced while root).</summary>
    private static (int Code, string Out, string Err) RunAsNobody(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "PlanRules.Cli.dll"), .. args])
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the command did not finish within 120 s (a hang)");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Standard output that calls a hook for each line written (to cancel or fail a run at a known point).</summary>
    private sealed class HookWriter(Action<string> onLine) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            onLine(value ?? "");
            base.WriteLine(value);
        }
    }
}

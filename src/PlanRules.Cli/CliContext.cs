using Spectre.Console;

namespace PlanRules.Cli;

/// <summary>Where a command writes: plain lines to the writers, or Spectre.Console rendering on a terminal.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool interactive, Func<Stream>? openInput = null, bool inputIsTerminal = false)
    {
        Out = output;
        Err = error;
        Interactive = interactive;
        OpenInput = openInput ?? (static () => Stream.Null);
        InputIsTerminal = inputIsTerminal;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        // Redirected output is read by tools: never wrap it.
        if (!interactive) Console.Profile.Width = 4096;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Opens standard input (read by a <c>-</c> file argument).</summary>
    public Func<Stream> OpenInput { get; }

    /// <summary>Whether standard input is a terminal (nothing piped in): <c>-</c> is then refused instead of waiting for typing.</summary>
    public bool InputIsTerminal { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Err { get; }

    /// <summary>Whether standard output is a terminal (progress bars and colours).</summary>
    public bool Interactive { get; }

    /// <summary>Spectre.Console over standard output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The same context writing its output to <paramref name="output"/> as plain lines (e.g. a file given with <c>-o</c>).</summary>
    public CliContext WithOutput(TextWriter output) => ReferenceEquals(output, Out) ? this : new(output, Err, false, OpenInput, InputIsTerminal);

    /// <summary>Writes one line to standard output, in <paramref name="style"/> on a terminal.</summary>
    public void Line(string text = "", string? style = null)
    {
        if (Interactive) Console.MarkupLine(style is null ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]");
        else Out.WriteLine(text);
    }

    /// <summary>
    /// Writes a Spectre.Console widget (e.g. a table): as is on a terminal; otherwise rendered without colours and without
    /// the padding lines and trailing blanks, so that tools can read it.
    /// </summary>
    public void Write(Spectre.Console.Rendering.IRenderable widget)
    {
        if (Interactive)
        {
            Console.Write(widget);
            return;
        }
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        plain.Profile.Width = 4096;
        plain.Write(widget);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse();
        foreach (var line in lines) Out.WriteLine(line);
    }

    /// <summary>Writes one line to standard error.</summary>
    public void Error(string text) => Err.WriteLine(text);

    /// <summary>Runs <paramref name="work"/> with a progress bar on a terminal, or as is otherwise.</summary>
    /// <param name="description">What is being done.</param>
    /// <param name="total">How many steps.</param>
    /// <param name="work">The work; it calls the action it is given after each step.</param>
    public async Task<T> WithProgressAsync<T>(string description, int total, Func<Action, Task<T>> work)
    {
        if (!Interactive || total <= 1) return await work(static () => { }).ConfigureAwait(false);
        return await Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: total);
                var result = await work(() => task.Increment(1)).ConfigureAwait(false);
                task.StopTask();
                return result;
            }).ConfigureAwait(false);
    }
}

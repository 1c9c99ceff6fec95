namespace PlanRules.Handouts;

/// <summary>
/// A patient handout as a tree of plain blocks, rendered by <see cref="HandoutHtmlWriter"/> and
/// <see cref="HandoutMarkdownWriter"/>. Every text is plain (no markup); writers escape it.
/// </summary>
/// <param name="Title">The page title.</param>
/// <param name="Blocks">The blocks, in reading order.</param>
internal sealed record HandoutDocument(string Title, IReadOnlyList<HandoutBlock> Blocks);

/// <summary>One block of a handout.</summary>
internal abstract record HandoutBlock;

/// <summary>A heading (level 1–3).</summary>
internal sealed record HandoutHeading(int Level, string Text) : HandoutBlock;

/// <summary>A paragraph of prose.</summary>
internal sealed record HandoutParagraph(string Text, bool Small = false) : HandoutBlock;

/// <summary>A bulleted list; each item may start with a bold lead.</summary>
internal sealed record HandoutList(IReadOnlyList<HandoutItem> Items) : HandoutBlock;

/// <summary>One list item: an optional bold lead (e.g. a name) followed by its text.</summary>
internal sealed record HandoutItem(string? Lead, string Text);

/// <summary>A table: a caption, column headings and rows of cells; the first cell of a row heads it.</summary>
internal sealed record HandoutTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : HandoutBlock;

/// <summary>A boxed message; <see cref="Urgent"/> ones are shown first and loudest.</summary>
internal sealed record HandoutCallout(bool Urgent, string Title, IReadOnlyList<string> Lines) : HandoutBlock;

/// <summary>A list of terms and their meanings.</summary>
internal sealed record HandoutGlossaryBlock(IReadOnlyList<KeyValuePair<string, string>> Terms) : HandoutBlock;

/// <summary>Groups the blocks of one section, so that a printer keeps it together where it can.</summary>
internal sealed record HandoutSection(string Id, IReadOnlyList<HandoutBlock> Blocks) : HandoutBlock;

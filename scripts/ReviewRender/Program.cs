// Renders the review document (or lints) a rule-set folder:
//   dotnet run --project scripts/ReviewRender -- [--rules DIR] [--before DIR] [--format html|markdown] [--out FILE]
//   dotnet run --project scripts/ReviewRender -- --lint [--sarif] [--strict] [--rules DIR]
using PlanRules;
using PlanRules.Review;

string rules = "rules", format = "html";
string? before = null, output = null;
bool lint = false, sarif = false, strict = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rules": rules = args[++i]; break;
        case "--before": before = args[++i]; break;
        case "--format": format = args[++i]; break;
        case "--out": output = args[++i]; break;
        case "--lint": lint = true; break;
        case "--sarif": sarif = true; break;
        case "--strict": strict = true; break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 2;
    }
}

if (lint)
{
    var result = RuleSetLinter.Lint(rules);
    Write(sarif ? result.ToSarif(rules) : result.ToText());
    return result.ExitCode(strict);
}

RuleSet? Load(string dir)
{
    var loaded = RuleSet.LoadDirectory(dir);
    foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d);
    return loaded.RuleSet;
}

var after = Load(rules);
if (after is null) return 1;
var earlier = before is null ? null : Load(before);
if (before is not null && earlier is null) return 1;
var markdown = format == "markdown";
Write(earlier is null
    ? (markdown ? ReviewDocument.ToMarkdown(after) : ReviewDocument.ToHtml(after))
    : (markdown ? ReviewDocument.ChangesToMarkdown(earlier, after) : ReviewDocument.ChangesToHtml(earlier, after)));
return 0;

void Write(string text)
{
    if (output is null) Console.Out.Write(text);
    else File.WriteAllText(output, text);
}

// PlanRules sample: load a rule set, read a case, plan it, print the plan.
//   dotnet run --project src/PlanRules.Samples                      the bundled sample case, shipped rules
//   dotnet run --project src/PlanRules.Samples -- path/to/case.json  another case
//   options: --json (print plan JSON)  --rules DIR (another rule set)
//   dotnet run --project src/PlanRules.Samples -- --host [--once]   the same as a generic-host service (AddPlanRules, hot reload)
//   dotnet run --project src/PlanRules.Samples -- --cds-hooks        a CDS Hooks service on 127.0.0.1 (discovery + one hook)
using PlanRules;
using PlanRules.Cases;
using PlanRules.Samples;

var arguments = SampleArguments.Parse(args);
if (arguments.Error is { } error)
{
    // The argument itself may be a mistyped path: say what is wrong with the command line, then how to use it.
    Console.Error.WriteLine("error: " + error);
    Console.Error.WriteLine(SampleArguments.Usage);
    return 2;
}
switch (arguments.Mode)
{
    case SampleMode.Help:
        Console.WriteLine(SampleArguments.Usage);
        return 0;
    case SampleMode.Host:
        return await PlanRules.Samples.Hosting.HostedSample.RunAsync(args);
    case SampleMode.CdsHooks:
        return await PlanRules.Samples.CdsHooks.CdsHooksSample.RunAsync(args);
}

var json = arguments.Json;
var rulesDir = arguments.RulesDirectory ?? FindRulesDirectory();
var casePath = arguments.CasePath ?? Path.Combine(AppContext.BaseDirectory, "cases", "lumbar-radicular-apixaban.json");

// 1. Load: every diagnostic is returned; a rule set with any error is never usable.
RuleSet rules;
if (rulesDir is null)
{
    rules = RuleSet.LoadDefault();
}
else
{
    var loaded = RuleSet.LoadDirectory(rulesDir);
    foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d);
    if (loaded.RuleSet is null)
    {
        Console.Error.WriteLine($"The rule set in '{rulesDir}' has errors; nothing was loaded.");
        return 2;
    }
    rules = loaded.RuleSet;
}

// 2. Read the case: diagnostics carry the JSON path and line; identifiers are refused.
//    CaseSource reads safely: only a regular file (a FIFO or folder is refused unopened), at most 4 MiB, UTF-8.
if (!File.Exists(casePath))
{
    Console.Error.WriteLine($"No case file at '{casePath}'.");
    return 2;
}
string caseJson;
try
{
    caseJson = PlanRules.Replay.CaseSource.FromFile(casePath).ReadText();
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"The case file '{casePath}' cannot be read: {ex.Message}"); // a reason, never the content
    return 2;
}
var read = PatientCase.FromJson(caseJson, rules.Vocabulary);
foreach (var d in read.Diagnostics) Console.Error.WriteLine($"{casePath}: {d}");
if (read.Case is null) return 1;

// 3. Plan (thread-safe; one recommender serves any number of threads) and print.
var recommender = new PlanRecommender(rules);
var plan = recommender.Recommend(read.Case);
Console.Write(json ? plan.ToJson() : plan.ToText());
return 0;

// The rule folder of this repository, found from the working directory upwards; null to use the embedded rules.
static string? FindRulesDirectory()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "rules");
        if (File.Exists(Path.Combine(candidate, "ruleset.json"))) return candidate;
    }
    return null;
}

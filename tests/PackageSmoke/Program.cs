// PackageSmoke: a host application that consumes the PlanRules NuGet package (not the project), wires it with
// AddPlanRules() (the rule set embedded in the package), plans a case and prints the rule set the plan names.
//   usage: PackageSmoke CASE.json [RULES_DIR]   with RULES_DIR, also checks that the embedded set equals that folder
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PlanRules;
using PlanRules.Cases;
using PlanRules.Hosting;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: PackageSmoke CASE.json [RULES_DIR]");
    return 2;
}

var services = new ServiceCollection();
services.AddPlanRules();
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var recommender = provider.GetRequiredService<IPlanRecommender>();
var monitor = provider.GetRequiredService<IRuleSetMonitor>();

var read = PatientCase.FromJson(File.ReadAllText(args[0]), monitor.Current.Vocabulary);
if (read.Case is null)
{
    Console.Error.WriteLine($"the case has {read.Diagnostics.Count} diagnostic(s)");
    return 1;
}
var plan = recommender.Recommend(read.Case);

var library = typeof(RuleSet).Assembly;
Console.WriteLine($"package: PlanRules {library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}");
Console.WriteLine($"ruleset: {plan.RuleSet.Name} {plan.RuleSet.Version}");
Console.WriteLine($"sha256={plan.RuleSet.Sha256}");

var ok = plan.RuleSet.Sha256 == monitor.Current.Identity.Sha256 && plan.RuleSet.Sha256 == RuleSet.LoadDefault().Identity.Sha256;
if (args.Length == 2)
{
    var folder = RuleSet.LoadDirectory(args[1]);
    foreach (var d in folder.Diagnostics) Console.Error.WriteLine(d);
    var same = folder.RuleSet?.Identity.Sha256 == plan.RuleSet.Sha256;
    Console.WriteLine($"embedded rule set equals {args[1]}: {(same ? "yes" : "no")}");
    ok &= same;
}
Console.WriteLine(ok ? "PackageSmoke: OK" : "PackageSmoke: FAILED");
return ok ? 0 : 1;

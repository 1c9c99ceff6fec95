using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("PlanRules.Cli.Tests")]

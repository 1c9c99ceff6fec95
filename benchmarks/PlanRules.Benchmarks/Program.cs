using BenchmarkDotNet.Running;
using PlanRules.Benchmarks;

// dotnet run -c Release --project benchmarks/PlanRules.Benchmarks -- --filter '*'
// quick look: add --job short; CI smoke: --job dry; rough Stopwatch figures for profiling: -- --quick
if (args is ["--quick", "compile"]) QuickCheck.Compile();
else if (args is ["--quick", ..]) QuickCheck.Run(breakdown: args is [_, "breakdown"]);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

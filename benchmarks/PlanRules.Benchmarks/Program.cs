using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/PlanRules.Benchmarks -- --filter '*'
// quick look: add --job short; CI smoke: --job dry
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

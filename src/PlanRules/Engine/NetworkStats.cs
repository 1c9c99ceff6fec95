namespace PlanRules.Engine;

/// <summary>Counts of the compiled network, for profiling (benchmarks' quick check).</summary>
internal static class NetworkStats
{
    public static void Print(CompiledRuleSet compiled, CaseFacts sf0)
    {
        var chains = compiled.Network.Chains;
        var firstLevel = chains.Where(c => c.Length > 0).Select(c => c[0]).Distinct().Count();
        Console.WriteLine($"  rules {chains.Count}, shared tests {compiled.Network.Tests.Count}, rules without shared test {chains.Count(c => c.Length == 0)}, distinct first tests {firstLevel}");
        var passingFirst = chains.Where(c => c.Length > 0).Select(c => c[0]).Distinct().Count(t => compiled.Network.Tests[t](sf0) != Truth.False);
        var passingAll = chains.Count(c => c.All(t => compiled.Network.Tests[t](sf0) != Truth.False));
        Console.WriteLine($"  first tests passing {passingFirst}, rules passing all shared tests {passingAll}");
        var schema = compiled.Factory.GetSchema();
        foreach (var g in schema.Nodes.GroupBy(n => n.NodeType).OrderBy(g => g.Key.ToString()))
            Console.WriteLine($"  node {g.Key}: {g.Count()}");
    }
}

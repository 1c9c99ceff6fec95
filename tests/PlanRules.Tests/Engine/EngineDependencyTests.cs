using System.Reflection;

namespace PlanRules.Tests.Engine;

/// <summary>Dependencies point one way: plans depend on the engine, never the engine on plans.</summary>
public sealed class EngineDependencyTests
{
    [Fact]
    public void EngineNamespace_DoesNotReferencePlans()
    {
        var engineTypes = typeof(RuleSet).Assembly.GetTypes().Where(t => t.Namespace == "PlanRules.Engine").ToArray();
        Assert.NotEmpty(engineTypes);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offending = new List<string>();
        foreach (var type in engineTypes)
        {
            IEnumerable<Type> used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            foreach (var t in used.SelectMany(Expand))
                if (t.Namespace == "PlanRules.Plans") offending.Add($"{type.Name} uses {t.Name}");
        }
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "PlanRules", "Engine"), "*.cs")
            .Where(f => File.ReadAllText(f).Contains("PlanRules.Plans", StringComparison.Ordinal))
            .Select(Path.GetFileName);
        offending.AddRange(sources.Select(f => $"{f} mentions PlanRules.Plans"));
        Assert.True(offending.Count == 0, string.Join("\n", offending.Distinct()));
    }

    private static IEnumerable<Type> Expand(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Expand).Append(t) : t.HasElementType ? Expand(t.GetElementType()!) : [t];
}

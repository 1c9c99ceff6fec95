using System.Globalization;
using System.Text;
using ReModels = RulesEngine.Models;

namespace PlanRules.Benchmarks;

/// <summary>One medication of <see cref="RulesEngineCase"/>.</summary>
public sealed class RulesEngineMedication
{
    /// <summary>Code, e.g. <c>apixaban</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Hours since the last dose.</summary>
    public double LastDoseHoursAgo { get; set; }
}

/// <summary>One earlier procedure of <see cref="RulesEngineCase"/>.</summary>
public sealed class RulesEngineProcedure
{
    /// <summary>Intervention code, e.g. <c>mbb.lumbar</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Weeks since.</summary>
    public double WeeksAgo { get; set; }

    /// <summary>Relief in percent.</summary>
    public double ReliefPercent { get; set; }

    /// <summary>Weeks the relief lasted.</summary>
    public double ReliefWeeks { get; set; }
}

/// <summary>
/// The flat, typed input object RulesEngine's lambda expressions read (parameter <c>c</c>): one property per scalar fact
/// of <see cref="SyntheticFacts.Scalars"/> (named by <see cref="SyntheticFact.Property"/>) and one list per history section.
/// </summary>
public sealed class RulesEngineCase
{
#pragma warning disable CS1591 // one property per fact of SyntheticFacts.Scalars; the fact name is the documentation
    public double AgeYears { get; set; }
    public string Sex { get; set; } = "";
    public bool Pregnant { get; set; }
    public string PainRegion { get; set; } = "";
    public string PainPattern { get; set; } = "";
    public string PainLaterality { get; set; } = "";
    public double PainDurationWeeks { get; set; }
    public double PainNrs { get; set; }
    public double FunctionOdi { get; set; }
    public double FunctionNdi { get; set; }
    public double ConservativeCareWeeks { get; set; }
    public bool ImagingConcordant { get; set; }
    public string ExamNeuroDeficit { get; set; } = "";
    public double ExamSiProvocationPositive { get; set; }
    public bool DiagnosisFailedBackSurgery { get; set; }
    public bool DiagnosisKneeOsteoarthritis { get; set; }
    public bool DiagnosisCrpsBudapest { get; set; }
    public bool DiagnosisHerpesZosterAcute { get; set; }
    public bool PsychEvaluationCleared { get; set; }
    public bool PsychUntreatedMajorDisorder { get; set; }
    public bool PsychActiveSubstanceUse { get; set; }
    public bool RedflagCaudaEquina { get; set; }
    public bool RedflagProgressiveDeficit { get; set; }
    public bool RedflagSuspectedMalignancy { get; set; }
    public bool RedflagSuspectedInfection { get; set; }
    public bool RedflagSuspectedFracture { get; set; }
    public bool SpineFusionAtTargetLevel { get; set; }
    public double LabInr { get; set; }
    public double LabPlatelets { get; set; }
    public double LabHba1c { get; set; }
    public List<string> Conditions { get; set; } = [];
    public List<string> Allergies { get; set; } = [];
    public List<string> Devices { get; set; } = [];
    public List<string> Goals { get; set; } = [];
    public List<RulesEngineMedication> Medications { get; set; } = [];
    public List<RulesEngineProcedure> Procedures { get; set; } = [];
#pragma warning restore CS1591
}

/// <summary>
/// The peer baseline: Microsoft RulesEngine 6.0.1. Each synthetic rule becomes one rule of one workflow, a lambda
/// expression string over the typed input <see cref="RulesEngineCase"/> (e.g.
/// <c>c.PainRegion == "lumbar" &amp;&amp; c.Procedures.Count(p =&gt; p.Code == "mbb.lumbar" &amp;&amp; p.ReliefPercent &gt;= 80) &gt;= 2</c>);
/// every rule is executed per case with <c>ExecuteAllRulesAsync</c>. RulesEngine has no chaining, so contraindications
/// are joined to the proposed interventions in plain C# after the run. Thread-safe after construction.
/// </summary>
public sealed class RulesEngineBaseline
{
    /// <summary>The workflow name.</summary>
    public const string WorkflowName = "synthetic";

    private readonly global::RulesEngine.RulesEngine _engine;
    private readonly IReadOnlyDictionary<string, SyntheticRule> _rules;

    /// <summary>Translates every rule of <paramref name="ruleSet"/> into a workflow.</summary>
    public RulesEngineBaseline(SyntheticRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _rules = ruleSet.ById;
        var workflow = new ReModels.Workflow
        {
            WorkflowName = WorkflowName,
            Rules = ruleSet.Rules.Select(r => new ReModels.Rule
            {
                RuleName = r.Id,
                RuleExpressionType = ReModels.RuleExpressionType.LambdaExpression,
                Expression = Expression(r.When),
            }).ToList(),
        };
        // Compile errors throw instead of turning into a failed rule with a message.
        var settings = new ReModels.ReSettings { EnableExceptionAsErrorMessage = false, CustomTypes = [typeof(RulesEngineCase), typeof(RulesEngineMedication), typeof(RulesEngineProcedure)] };
        _engine = new global::RulesEngine.RulesEngine([workflow], settings);
    }

    /// <summary>Builds the input object of a case (done once per case, outside the measured loop).</summary>
    public static RulesEngineCase ToInput(SyntheticCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var input = new RulesEngineCase
        {
            Conditions = [.. c.Conditions],
            Allergies = [.. c.Allergies],
            Devices = [.. c.Devices],
            Goals = [.. c.Goals],
            Medications = c.Medications.Select(m => new RulesEngineMedication { Code = m.Code, LastDoseHoursAgo = m.LastDoseHoursAgo }).ToList(),
            Procedures = c.Procedures.Select(p => new RulesEngineProcedure { Code = p.Code, WeeksAgo = p.WeeksAgo, ReliefPercent = p.ReliefPercent, ReliefWeeks = p.ReliefWeeks }).ToList(),
        };
        foreach (var f in SyntheticFacts.Scalars)
        {
            var property = typeof(RulesEngineCase).GetProperty(f.Property) ?? throw new InvalidOperationException("RulesEngineCase lacks " + f.Property);
            object value = f.Type switch
            {
                SyntheticFactType.Number => c.Numbers[f.Name],
                SyntheticFactType.Word => c.Words[f.Name],
                _ => c.Booleans[f.Name],
            };
            property.SetValue(input, value);
        }
        return input;
    }

    /// <summary>Runs every rule of the workflow on one case.</summary>
    public FiredRules Evaluate(RulesEngineCase input)
    {
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new ReModels.RuleParameter("c", input)).GetAwaiter().GetResult();
        var fired = new FiredRules();
        var proposed = new HashSet<string>(StringComparer.Ordinal);
        List<SyntheticRule>? contraindications = null;
        foreach (var result in results)
        {
            if (!result.IsSuccess)
            {
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                    throw new InvalidOperationException($"RulesEngine failed on {result.Rule.RuleName}: {result.ExceptionMessage}");
                continue;
            }
            var rule = _rules[result.Rule.RuleName];
            if (rule.Kind == SyntheticRuleKind.Candidate)
            {
                fired.Candidates.Add(rule.Id);
                proposed.Add(rule.Intervention!);
            }
            else (contraindications ??= []).Add(rule);
        }
        if (contraindications is not null)
        {
            foreach (var rule in contraindications)
            foreach (var code in proposed)
                if (rule.AppliesToCodes.Contains(code)) fired.Contraindications.Add((rule.Id, code));
        }
        return fired;
    }

    /// <summary>The lambda expression (parameter <c>c</c> of type <see cref="RulesEngineCase"/>) for a condition.</summary>
    public static string Expression(SyntheticCondition condition)
    {
        var sb = new StringBuilder();
        Write(sb, condition);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, SyntheticCondition condition)
    {
        switch (condition)
        {
            case AllOf all:
                Join(sb, all.Parts, " && ");
                break;
            case AnyOf any:
                Join(sb, any.Parts, " || ");
                break;
            case NotOf not:
                sb.Append("!(");
                Write(sb, not.Part);
                sb.Append(')');
                break;
            case NumberTest n:
            {
                var p = "c." + SyntheticFacts.ByName[n.Fact].Property;
                if (n.Op == NumberOp.Between) sb.Append('(').Append(p).Append(" >= ").Append(Number(n.Value)).Append(" && ").Append(p).Append(" <= ").Append(Number(n.Value2)).Append(')');
                else sb.Append(p).Append(Operator(n.Op)).Append(Number(n.Value));
                break;
            }
            case WordTest t:
            {
                var p = "c." + SyntheticFacts.ByName[t.Fact].Property;
                if (t.Negated) sb.Append(p).Append(" != ").Append(Quote(t.Words[0]));
                else if (t.Words.Count == 1) sb.Append(p).Append(" == ").Append(Quote(t.Words[0]));
                else sb.Append('(').AppendJoin(" || ", t.Words.Select(w => p + " == " + Quote(w))).Append(')');
                break;
            }
            case BooleanTest b:
                sb.Append("c.").Append(SyntheticFacts.ByName[b.Fact].Property).Append(b.Value ? " == true" : " == false");
                break;
            case HasEntry h:
            {
                var dot = h.List.IndexOf('.', StringComparison.Ordinal);
                sb.Append("c.").Append(ListProperty(h.List[..dot])).Append(".Contains(").Append(Quote(h.List[(dot + 1)..])).Append(')');
                break;
            }
            case CountEntries q:
            {
                var code = q.IsPrefix ? $"e.Code.StartsWith({Quote(q.CodePattern)})" : $"e.Code == {Quote(q.CodePattern)}";
                var tests = q.Where.Select(a => "e." + char.ToUpperInvariant(a.Attribute[0]) + a.Attribute[1..] + Operator(a.Op) + Number(a.Value));
                var predicate = string.Join(" && ", tests.Prepend(code));
                sb.Append("c.").Append(ListProperty(q.Section));
                if (q.IsExists) sb.Append(".Any(e => ").Append(predicate).Append(')');
                else sb.Append(".Count(e => ").Append(predicate).Append(')').Append(q.AtLeast ? " >= " : " <= ").Append(q.Count.ToString(CultureInfo.InvariantCulture));
                break;
            }
            default:
                throw new InvalidOperationException("unknown condition " + condition.GetType().Name);
        }
    }

    private static void Join(StringBuilder sb, IReadOnlyList<SyntheticCondition> parts, string op)
    {
        sb.Append('(');
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) sb.Append(op);
            Write(sb, parts[i]);
        }
        sb.Append(')');
    }

    private static string ListProperty(string section) => section switch
    {
        "condition" => "Conditions",
        "allergy" => "Allergies",
        "device" => "Devices",
        "goal" => "Goals",
        "medication" => "Medications",
        "procedure" => "Procedures",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a list section"),
    };

    private static string Operator(NumberOp op) => op switch
    {
        NumberOp.AtLeast => " >= ",
        NumberOp.AtMost => " <= ",
        NumberOp.Above => " > ",
        NumberOp.Below => " < ",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string word) => "\"" + word + "\"";
}

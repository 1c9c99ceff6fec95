using PlanRules.Diagnostics;

namespace PlanRules.Review;

/// <summary>
/// A diagnostic code that <see cref="RuleSetLinter"/> can report, with the text a SARIF viewer or a reviewer needs.
/// Immutable.
/// </summary>
/// <param name="Code">The code, e.g. <c>PR3001</c>.</param>
/// <param name="Name">A short PascalCase name, e.g. <c>ConditionNeverHolds</c>.</param>
/// <param name="Title">One line: what it finds.</param>
/// <param name="Fix">What usually fixes it.</param>
/// <param name="DefaultSeverity">The severity it is reported with.</param>
public sealed record LintCode(string Code, string Name, string Title, string Fix, DiagnosticSeverity DefaultSeverity);

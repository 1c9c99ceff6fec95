namespace PlanRules.Replay;

/// <summary>The formats of a replay report.</summary>
public enum ReplayReportFormat
{
    /// <summary>JUnit XML (<c>testsuites/testsuite/testcase</c> with <c>failure</c> and <c>error</c>), for CI systems.</summary>
    JUnit,

    /// <summary>JSON (<c>planrules.replay-report/1</c>): totals and one entry per case.</summary>
    Json,

    /// <summary>Markdown: totals and every failure and error, to attach to a review.</summary>
    Markdown,
}

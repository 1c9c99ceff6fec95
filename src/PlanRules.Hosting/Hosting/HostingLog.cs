using Microsoft.Extensions.Logging;
using PlanRules.Diagnostics;

namespace PlanRules.Hosting;

/// <summary>
/// The log lines of the hosting integration (category <c>PlanRules.Hosting</c>), source-generated. They name rule
/// sets (name, version, SHA-256, rule count), sources (<c>IRuleSetSource.ToString()</c>), counts and rule-file
/// diagnostics (file, line, code, rule id), and never any patient data.
/// <list type="table">
/// <listheader><term>event id</term><description>meaning</description></listheader>
/// <item><term>100 RuleSetLoaded</term><description>Information: the rule set loaded at start-up.</description></item>
/// <item><term>101 InitialLoadFailed</term><description>Error: the rule set failed to load at start-up (start-up fails; each diagnostic follows as 108).</description></item>
/// <item><term>102 WatchingStarted</term><description>Information: changes of the source are watched.</description></item>
/// <item><term>103 WatchNotSupported</term><description>Information: watching is on but the source never reports changes.</description></item>
/// <item><term>104 ChangeDetected</term><description>Debug: the source changed; a reload follows after the debounce.</description></item>
/// <item><term>105 RuleSetSwapped</term><description>Information: a new rule set was swapped in.</description></item>
/// <item><term>106 RuleSetUnchanged</term><description>Debug: a reload gave the rule set already in use.</description></item>
/// <item><term>107 ReloadFailed</term><description>Error: a reload failed; the last good rule set keeps serving (each diagnostic follows as 108).</description></item>
/// <item><term>108 RuleSetDiagnostic</term><description>Error/Warning/Information: one diagnostic of a load, compiler-style.</description></item>
/// <item><term>109 ReloadCancelled</term><description>Debug: a reload was cancelled (superseded by a newer change, or shutdown).</description></item>
/// <item><term>110 ReloadCrashed</term><description>Error: an unexpected exception stopped a background reload; the current set keeps serving.</description></item>
/// <item><term>111 EventHandlerFailed</term><description>Error: a handler of a monitor event threw.</description></item>
/// <item><term>112 WatchingStopped</term><description>Debug: the monitor was disposed and stopped watching.</description></item>
/// <item><term>113 WatchFailed</term><description>Warning: asking the source for a change token failed; change notifications stop (the content poll, if on, goes on).</description></item>
/// <item><term>114 ReloadRecovered</term><description>Information: after a failed reload, a reload gave the rule set in use again; the errors are cleared.</description></item>
/// <item><term>115 LoadCrashed</term><description>Error: validating or compiling the rule set threw unexpectedly (a defect); reported as diagnostic PR2099, the current set keeps serving.</description></item>
/// <item><term>116 PollDetectedChange</term><description>Information: the periodic content poll found a change no file-system event reported (e.g. the folder was replaced); a reload follows.</description></item>
/// <item><term>117 PollFailed</term><description>Warning: the periodic content poll failed unexpectedly; it tries again at the next interval.</description></item>
/// </list>
/// </summary>
internal static partial class HostingLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "PlanRules.Hosting";

    [LoggerMessage(EventId = 100, EventName = "RuleSetLoaded", Level = LogLevel.Information,
        Message = "Loaded rule set {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}, {RuleCount} rules) from {Source}.")]
    public static partial void RuleSetLoaded(ILogger logger, string ruleSetName, string ruleSetVersion, string ruleSetSha256, int ruleCount, string source);

    [LoggerMessage(EventId = 101, EventName = "InitialLoadFailed", Level = LogLevel.Error,
        Message = "The rule set from {Source} failed to load with {ErrorCount} error(s); start-up fails.")]
    public static partial void InitialLoadFailed(ILogger logger, string source, int errorCount);

    [LoggerMessage(EventId = 102, EventName = "WatchingStarted", Level = LogLevel.Information,
        Message = "Watching {Source} for rule changes (debounce {DebounceMilliseconds} ms).")]
    public static partial void WatchingStarted(ILogger logger, string source, double debounceMilliseconds);

    [LoggerMessage(EventId = 103, EventName = "WatchNotSupported", Level = LogLevel.Information,
        Message = "WatchForChanges is on but {Source} does not report changes; the rule set is not reloaded automatically.")]
    public static partial void WatchNotSupported(ILogger logger, string source);

    [LoggerMessage(EventId = 104, EventName = "ChangeDetected", Level = LogLevel.Debug,
        Message = "Rule change detected in {Source}; reloading after {DebounceMilliseconds} ms of quiet.")]
    public static partial void ChangeDetected(ILogger logger, string source, double debounceMilliseconds);

    [LoggerMessage(EventId = 105, EventName = "RuleSetSwapped", Level = LogLevel.Information,
        Message = "Swapped in rule set {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}, {RuleCount} rules) from {Source}, replacing {PreviousVersion} (sha256 {PreviousSha256}).")]
    public static partial void RuleSetSwapped(ILogger logger, string ruleSetName, string ruleSetVersion, string ruleSetSha256, int ruleCount, string source, string previousVersion, string previousSha256);

    [LoggerMessage(EventId = 106, EventName = "RuleSetUnchanged", Level = LogLevel.Debug,
        Message = "Reloaded {Source}: rule set {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}) is the one in use.")]
    public static partial void RuleSetUnchanged(ILogger logger, string source, string ruleSetName, string ruleSetVersion, string ruleSetSha256);

    [LoggerMessage(EventId = 107, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Reloading {Source} failed with {ErrorCount} error(s); still serving rule set {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}).")]
    public static partial void ReloadFailed(ILogger logger, string source, int errorCount, string ruleSetName, string ruleSetVersion, string ruleSetSha256);

    [LoggerMessage(EventId = 108, EventName = "RuleSetDiagnostic", Message = "{Diagnostic}")]
    public static partial void RuleSetDiagnostic(ILogger logger, LogLevel level, string diagnostic);

    [LoggerMessage(EventId = 109, EventName = "ReloadCancelled", Level = LogLevel.Debug,
        Message = "A reload of {Source} was cancelled; nothing changed.")]
    public static partial void ReloadCancelled(ILogger logger, string source);

    [LoggerMessage(EventId = 110, EventName = "ReloadCrashed", Level = LogLevel.Error,
        Message = "An unexpected error stopped a reload of {Source}; the current rule set keeps serving.")]
    public static partial void ReloadCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 111, EventName = "EventHandlerFailed", Level = LogLevel.Error,
        Message = "A handler of IRuleSetMonitor.{EventName} threw; the monitor goes on.")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string eventName);

    [LoggerMessage(EventId = 112, EventName = "WatchingStopped", Level = LogLevel.Debug,
        Message = "Stopped watching {Source}.")]
    public static partial void WatchingStopped(ILogger logger, string source);

    [LoggerMessage(EventId = 113, EventName = "WatchFailed", Level = LogLevel.Warning,
        Message = "Asking {Source} for changes failed; the rule set is no longer reloaded automatically.")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 114, EventName = "ReloadRecovered", Level = LogLevel.Information,
        Message = "Reloaded {Source} without errors: rule set {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}) stays in use and the last errors are cleared.")]
    public static partial void ReloadRecovered(ILogger logger, string source, string ruleSetName, string ruleSetVersion, string ruleSetSha256);

    [LoggerMessage(EventId = 115, EventName = "LoadCrashed", Level = LogLevel.Error,
        Message = "Loading the rule set from {Source} threw unexpectedly; reported as PR2099 and the current rule set keeps serving.")]
    public static partial void LoadCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 116, EventName = "PollDetectedChange", Level = LogLevel.Information,
        Message = "The content of {Source} changed without a file-system event (e.g. the folder was replaced); watching afresh and reloading.")]
    public static partial void PollDetectedChange(ILogger logger, string source);

    [LoggerMessage(EventId = 117, EventName = "PollFailed", Level = LogLevel.Warning,
        Message = "Polling {Source} for changes failed; trying again in {PollIntervalMilliseconds} ms.")]
    public static partial void PollFailed(ILogger logger, Exception exception, string source, double pollIntervalMilliseconds);

    /// <summary>Logs every diagnostic of a load at a level matching its severity.</summary>
    public static void Diagnostics(ILogger logger, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var level = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => LogLevel.Error,
                DiagnosticSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
            if (logger.IsEnabled(level)) RuleSetDiagnostic(logger, level, diagnostic.ToString());
        }
    }
}

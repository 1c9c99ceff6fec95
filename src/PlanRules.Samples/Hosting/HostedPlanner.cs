using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanRules.Cases;
using PlanRules.Hosting;

namespace PlanRules.Samples.Hosting;

/// <summary>
/// A generic-host service that plans a case with the injected <see cref="IPlanRecommender"/>, then plans it again each
/// time <see cref="IRuleSetMonitor"/> swaps in a new rule set (edit a file under <c>rules/</c> while it runs). It logs
/// the rule set's identity only (name, version, SHA-256) and never any patient data: not the case, not the plan, not a
/// case diagnostic.
/// </summary>
public sealed partial class HostedPlanner : BackgroundService
{
    private readonly IPlanRecommender _recommender;
    private readonly IRuleSetMonitor _monitor;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly HostedPlannerOptions _options;
    private readonly ILogger<HostedPlanner> _logger;

    /// <summary>Creates the service; all arguments come from the container.</summary>
    public HostedPlanner(IPlanRecommender recommender, IRuleSetMonitor monitor, IHostApplicationLifetime lifetime,
        IOptions<HostedPlannerOptions> options, ILogger<HostedPlanner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recommender = recommender;
        _monitor = monitor;
        _lifetime = lifetime;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = Channel.CreateUnbounded<RuleSetChangedEventArgs>(new UnboundedChannelOptions { SingleReader = true });
        void OnChanged(object? sender, RuleSetChangedEventArgs e) => changes.Writer.TryWrite(e);
        void OnFailed(object? sender, RuleSetReloadFailedEventArgs e) =>
            LogReloadFailed(e.Diagnostics.Count, e.Current.Identity.Name, e.Current.Identity.Version, e.Current.Identity.Sha256);
        _monitor.Changed += OnChanged;
        _monitor.ReloadFailed += OnFailed;
        try
        {
            // A bad case file (missing, a FIFO, too large, unreadable) is logged without its content; the service goes on.
            var json = await Task.Run(() => ReadCase(_options.CasePath), stoppingToken).ConfigureAwait(false);
            if (json is not null) Plan(json, stoppingToken);
            if (_options.StopAfterFirstPlan)
            {
                _lifetime.StopApplication();
                return;
            }
            await foreach (var change in changes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                LogRuleSetChanged(change.Previous.Identity.Version, change.Current.Identity.Name, change.Current.Identity.Version, change.Current.Identity.Sha256);
                if (json is not null) Plan(json, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _monitor.Changed -= OnChanged;
            _monitor.ReloadFailed -= OnFailed;
        }
    }

    private void Plan(string caseJson, CancellationToken cancellationToken)
    {
        // Read the case with the vocabulary of the rule set in use; the recommender checks it again against the set it plans with.
        var rules = _monitor.Current;
        var read = PatientCase.FromJson(caseJson, rules.Vocabulary);
        if (read.Case is null)
        {
            LogCaseRejected(read.Diagnostics.Count, rules.Identity.Name, rules.Identity.Version); // counts only: case diagnostics may quote values
            return;
        }
        try
        {
            var plan = _recommender.Recommend(read.Case, cancellationToken);
            LogPlanned(plan.RuleSet.Name, plan.RuleSet.Version, plan.RuleSet.Sha256);
        }
        catch (InvalidCaseException)
        {
            LogCaseRejected(-1, _recommender.RuleSet.Name, _recommender.RuleSet.Version);
        }
#pragma warning disable CA1031 // A hosted service must not stop on one case: the defect is logged (type only) and the service goes on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogPlanningFailed(ex.GetType().FullName ?? ex.GetType().Name, rules.Identity.Name, rules.Identity.Version);
        }
    }

    /// <summary>The case file's text, or <c>null</c> after a log line that gives the reason (never the content).</summary>
    private string? ReadCase(string path)
    {
        try
        {
            return PlanRules.Replay.CaseSource.FromFile(path).ReadText();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogCaseUnreadable(path, ex.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Planned the case with rule set {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}).")]
    private partial void LogPlanned(string ruleSetName, string ruleSetVersion, string ruleSetSha256);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rule set changed from {PreviousVersion} to {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}); planning again.")]
    private partial void LogRuleSetChanged(string previousVersion, string ruleSetName, string ruleSetVersion, string ruleSetSha256);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A rule edit was rejected with {DiagnosticCount} diagnostic(s); still planning with {RuleSetName} {RuleSetVersion} (sha256 {RuleSetSha256}).")]
    private partial void LogReloadFailed(int diagnosticCount, string ruleSetName, string ruleSetVersion, string ruleSetSha256);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The case file '{CasePath}' cannot be read ({Reason}); nothing planned, still running.")]
    private partial void LogCaseUnreadable(string casePath, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Planning the case failed with {ExceptionType} (a defect; details not logged: they may quote case values); still running with {RuleSetName} {RuleSetVersion}.")]
    private partial void LogPlanningFailed(string exceptionType, string ruleSetName, string ruleSetVersion);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The case is not valid for rule set {RuleSetName} {RuleSetVersion} ({DiagnosticCount} diagnostic(s), not logged: they may quote case values).")]
    private partial void LogCaseRejected(int diagnosticCount, string ruleSetName, string ruleSetVersion);
}

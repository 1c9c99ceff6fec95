using PlanRules.Diagnostics;

namespace PlanRules.Cases;

/// <summary>
/// Thrown when a case handed to <see cref="IPlanRecommender.Recommend"/> cannot be planned safely (unknown codes,
/// out-of-range values, identifiers). Its message and <see cref="Diagnostics"/> never contain an identifier's value.
/// </summary>
public sealed class InvalidCaseException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidCaseException(IReadOnlyList<Diagnostic> diagnostics)
        : base("The case cannot be planned:\n" + string.Join('\n', diagnostics))
        => Diagnostics = diagnostics;

    /// <summary>Creates the exception with a message.</summary>
    public InvalidCaseException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidCaseException(string message) : base(message) => Diagnostics = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public InvalidCaseException(string message, Exception innerException) : base(message, innerException) => Diagnostics = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

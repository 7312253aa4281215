namespace OpenOrchestrator.Testing;

/// <summary>How a scripted search service answers: its hits, an error status in its own error format, a body cut off, or not at all.</summary>
public sealed record SearchReply(IReadOnlyList<SearchHit> Hits, int? ErrorStatus = null, bool CutOff = false, bool Silent = false)
{
    public static SearchReply With(params SearchHit[] hits) => new(hits);

    public static SearchReply Error(int status) => new([], status);

    /// <summary>Status 200 and half of a well-formed answer.</summary>
    public static SearchReply Truncated(params SearchHit[] hits) => new(hits, CutOff: true);

    /// <summary>No answer at all: the service holds the request until the client gives up (or the service stops), as a hung service does.</summary>
    public static SearchReply NoAnswer() => new([], Silent: true);
}

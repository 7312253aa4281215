namespace OpenOrchestrator.Testing;

/// <summary>How a scripted search service answers: its hits, an error status in its own error format, or a body cut off.</summary>
public sealed record SearchReply(IReadOnlyList<SearchHit> Hits, int? ErrorStatus = null, bool CutOff = false)
{
    public static SearchReply With(params SearchHit[] hits) => new(hits);

    public static SearchReply Error(int status) => new([], status);

    /// <summary>Status 200 and half of a well-formed answer.</summary>
    public static SearchReply Truncated(params SearchHit[] hits) => new(hits, CutOff: true);
}

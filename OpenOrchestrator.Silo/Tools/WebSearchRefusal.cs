namespace OpenOrchestrator.Silo.Tools;

/// <summary>Why a search service said no, as far as the tool's error tells the model and the admin.</summary>
public enum WebSearchRefusal
{
    Failed,
    KeyRejected,
    RateLimited,
    QuotaUsed,
}

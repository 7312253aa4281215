namespace OpenOrchestrator.Testing;

/// <summary>What a search service received: method, path, query string, headers and body, as they came.</summary>
public sealed record SearchRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public string? Parameter(string name) => Query.GetValueOrDefault(name);
}

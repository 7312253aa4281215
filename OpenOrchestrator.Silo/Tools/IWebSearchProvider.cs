using System.Net;
using System.Text.Json;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>One search service's wire format: how a query becomes a request and its answer becomes hits.</summary>
public interface IWebSearchProvider
{
    /// <summary>The service as errors name it, e.g. "Brave Search".</summary>
    string Name { get; }

    HttpRequestMessage CreateRequest(string query, int count);

    /// <summary>The hits in the service's order; throws <see cref="JsonException"/> when the answer is not in its format.</summary>
    IEnumerable<WebSearchHit> ReadHits(JsonElement answer);

    /// <summary>What a failure means where the service says more than its status does; null leaves it to the status.</summary>
    WebSearchRefusal? Classify(HttpStatusCode status, string body);
}

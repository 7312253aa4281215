using System.ComponentModel;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// The "web" plugin: searches through the provider the admin chose (SearXNG, Brave or Tavily). The service is the
/// admin's, so this uses an ordinary HttpClient rather than the guarded one. Errors name the service, never the key.
/// </summary>
public sealed class WebSearchPlugin(HttpClient http, WebSearchOptions options)
{
    public const string PluginName = "web";
    public const string NotConfigured = "Error: web search is not configured (set WebSearch__Endpoint)";
    private const int MaxSnippetChars = 300;

    private readonly IWebSearchProvider? _provider = ProviderFor(options);

    [KernelFunction("search")]
    [Description("Searches the web and returns a numbered list of results, each with its title, URL and a snippet.")]
    public async Task<string> SearchAsync(
        [Description("What to search for.")] string query,
        [Description("How many results to return; optional, capped by the server's settings.")] int? count = null,
        CancellationToken cancellationToken = default)
    {
        if (_provider is null)
        {
            return NotConfigured;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return "Error: the search query is empty.";
        }

        var limit = Math.Clamp(count ?? options.MaxResults, 1, options.MaxResults);
        return WithoutKey(await SearchAsync(_provider, query, limit, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The provider the options name; null while SearXNG has no address. Options are checked at start.</summary>
    public static IWebSearchProvider? ProviderFor(WebSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint.Trim());
        return options switch
        {
            _ when options.Is(WebSearchOptions.Brave) => new BraveSearchProvider(endpoint ?? BraveSearchProvider.DefaultEndpoint, options.ApiKey ?? ""),
            _ when options.Is(WebSearchOptions.Tavily) => new TavilyProvider(endpoint ?? TavilyProvider.DefaultEndpoint, options.ApiKey ?? ""),
            _ when options.Is(WebSearchOptions.Searxng) => endpoint is null ? null : new SearxngProvider(endpoint, options.ApiKey),
            _ => throw new ArgumentException(options.UnknownProvider(), nameof(options)),
        };
    }

    private async Task<string> SearchAsync(IWebSearchProvider provider, string query, int limit, CancellationToken cancellationToken)
    {
        try
        {
            using var request = provider.CreateRequest(query, limit);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Failure(provider, response, body);
            }

            using var json = JsonDocument.Parse(body);
            return Format(query, provider.ReadHits(json.RootElement), limit);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Error: web search timed out waiting for {provider.Name}.";
        }
        catch (HttpRequestException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return $"Error: web search failed: {provider.Name} could not be reached: {exception.Message}";
        }
        catch (JsonException)
        {
            return $"Error: the search service did not answer with {provider.Name} JSON.";
        }
    }

    private static string Failure(IWebSearchProvider provider, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var refusal = provider.Classify(response.StatusCode, body) ?? response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => WebSearchRefusal.KeyRejected,
            HttpStatusCode.TooManyRequests => WebSearchRefusal.RateLimited,
            _ => WebSearchRefusal.Failed,
        };
        return refusal switch
        {
            WebSearchRefusal.KeyRejected => $"Error: {provider.Name} refused the API key (HTTP {status}); the server's WebSearch__ApiKey needs checking.",
            WebSearchRefusal.RateLimited => $"Error: {provider.Name} is limiting the rate of searches (HTTP {status}); try again later.",
            WebSearchRefusal.QuotaUsed => $"Error: {provider.Name} says the account's search quota is used up (HTTP {status}).",
            _ => $"Error: web search failed: {provider.Name} answered HTTP {status} {response.ReasonPhrase}.",
        };
    }

    /// <summary>What a service or the network says is passed on; the key must not be, even if a service echoes it.</summary>
    private string WithoutKey(string text) =>
        string.IsNullOrEmpty(options.ApiKey) ? text : text.Replace(options.ApiKey, "[key]", StringComparison.Ordinal);

    private static string Format(string query, IEnumerable<WebSearchHit> hits, int limit)
    {
        var text = new StringBuilder();
        var number = 0;
        foreach (var hit in hits)
        {
            var url = Collapse(hit.Url);
            if (url.Length == 0)
            {
                continue;
            }

            var title = Collapse(hit.Title);
            text.Append(++number).Append(". ").Append(title.Length > 0 ? title : url).Append(" — ").Append(url).Append('\n');
            var snippet = Collapse(hit.Snippet);
            if (snippet.Length > 0)
            {
                text.Append("   ").Append(snippet.Length > MaxSnippetChars ? snippet[..MaxSnippetChars] + "…" : snippet).Append('\n');
            }

            if (number == limit)
            {
                break;
            }
        }

        return number == 0 ? $"No results for '{query}'." : text.ToString().TrimEnd();
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// The "web" plugin: searches through a SearXNG-compatible JSON endpoint. The endpoint is the admin's,
/// so this uses an ordinary HttpClient rather than the guarded one.
/// </summary>
public sealed class WebSearchPlugin(HttpClient http, WebSearchOptions options)
{
    public const string PluginName = "web";
    public const string NotConfigured = "Error: web search is not configured (set WebSearch__Endpoint)";
    private const int MaxSnippetChars = 300;

    [KernelFunction("search")]
    [Description("Searches the web and returns a numbered list of results, each with its title, URL and a snippet.")]
    public async Task<string> SearchAsync(
        [Description("What to search for.")] string query,
        [Description("How many results to return; optional, capped by the server's settings.")] int? count = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return NotConfigured;
        }

        if (!string.Equals(options.Provider, "searxng", StringComparison.OrdinalIgnoreCase))
        {
            return $"Error: web search provider '{options.Provider}' is not supported (use searxng).";
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            return $"Error: WebSearch__Endpoint '{options.Endpoint}' is not an http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return "Error: the search query is empty.";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, SearchUri(endpoint, query));
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return $"Error: web search failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.";
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            return Format(query, json.RootElement, Math.Clamp(count ?? options.MaxResults, 1, options.MaxResults));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "Error: web search timed out.";
        }
        catch (HttpRequestException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return $"Error: web search failed: {exception.Message}";
        }
        catch (JsonException)
        {
            return "Error: the search server did not answer with SearXNG JSON.";
        }
    }

    /// <summary><c>{endpoint}/search?q=...&amp;format=json</c>, keeping the endpoint's path prefix and query.</summary>
    public static Uri SearchUri(Uri endpoint, string query)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = new UriBuilder(endpoint);
        var path = builder.Path.TrimEnd('/');
        builder.Path = path.EndsWith("/search", StringComparison.OrdinalIgnoreCase) ? path : path + "/search";
        var existing = builder.Query.TrimStart('?');
        builder.Query = (existing.Length > 0 ? existing + "&" : "") + $"q={Uri.EscapeDataString(query)}&format=json";
        return builder.Uri;
    }

    private static string Format(string query, JsonElement root, int limit)
    {
        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no results array");
        }

        var text = new StringBuilder();
        var number = 0;
        foreach (var result in results.EnumerateArray())
        {
            var url = Field(result, "url");
            if (url.Length == 0)
            {
                continue;
            }

            var title = Field(result, "title");
            text.Append(++number).Append(". ").Append(title.Length > 0 ? title : url).Append(" — ").Append(url).Append('\n');
            var snippet = Field(result, "content");
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

    private static string Field(JsonElement result, string name) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? string.Join(' ', value.GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : "";
}

using System.ComponentModel;
using System.Net;
using Microsoft.SemanticKernel;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>The "browser" plugin: fetches public web pages as readable text.</summary>
public sealed class BrowserPlugin(HttpClient http, BrowserOptions options)
{
    public const string PluginName = "browser";

    [KernelFunction("fetch")]
    [Description("Fetches a web page (http or https) and returns its readable text: the title first, "
        + "then the content with links written as 'text (absolute-url)'.")]
    public async Task<string> FetchAsync(
        [Description("The absolute http:// or https:// URL to fetch.")] string url,
        CancellationToken cancellationToken)
    {
        if (!WebUrl.TryParse(url, out var current))
        {
            return $"Error: only absolute http:// or https:// URLs can be fetched, not '{url}'.";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current)
                {
                    // HTTP/3 would bypass the guarded ConnectCallback.
                    Version = HttpVersion.Version11,
                    VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
                };
                request.Headers.UserAgent.ParseAdd("OpenOrchestrator/1.0 (+browser tool)");
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                    .ConfigureAwait(false);

                if (IsRedirect(response.StatusCode))
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return $"Error: {current} answered {(int)response.StatusCode} without a Location to follow.";
                    }

                    if (redirects >= options.MaxRedirects)
                    {
                        return $"Error: too many redirects (more than {options.MaxRedirects}) starting at {url}.";
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!WebUrl.IsWeb(next))
                    {
                        return $"Error: {current} redirects to '{next}', which is not an http(s) URL.";
                    }

                    current = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return $"Error: {current} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.";
                }

                return await ReadAsync(response, current, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Error: fetching {current} timed out after {options.TimeoutSeconds} seconds.";
        }
        catch (HttpRequestException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Blocked(exception) is { } blocked
                ? $"Error: {blocked.Message}"
                : $"Error: could not fetch {current}: {exception.Message}";
        }
        catch (IOException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return $"Error: reading {current} failed: {exception.Message}";
        }
    }

    private async Task<string> ReadAsync(HttpResponseMessage response, Uri pageUri, CancellationToken cancellationToken)
    {
        var body = await ResponseBody.ReadAsync(response.Content, options.MaxResponseBytes, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            var type = response.Content.Headers.ContentType?.MediaType ?? "unknown";
            return $"Error: {pageUri} is binary content ({type}), which cannot be read as text.";
        }

        var text = body.IsHtml ? PageReader.Read(body.Text, pageUri) : body.Text.Trim();
        return PageReader.Cap(text, options.MaxTextChars, body.Truncated);
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static BlockedAddressException? Blocked(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}

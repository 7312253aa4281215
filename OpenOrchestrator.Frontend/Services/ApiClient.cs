using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>Plumbing for the REST API: JSON over the same-origin HttpClient, failures as <see cref="ApiException"/>.</summary>
public partial class ApiClient(HttpClient http)
{
    /// <summary>Raised when any call answers 401: the session has ended.</summary>
    public event Action? Unauthorized;

    /// <summary>What a form says when the request did not reach the server at all.</summary>
    public static string Unreachable => Strings.Shared["Unreachable"];

    /// <summary>Generated contracts only: a body type missing from <see cref="ApiJsonContext"/> fails in the tests, not by falling back to reflection.</summary>
    internal static JsonSerializerOptions Json => ApiJsonContext.Default.Options;

    private async Task<T> GetAsync<T>(string uri, CancellationToken cancellationToken = default)
    {
        using var response = await ReachAsync(() => http.GetAsync(uri, cancellationToken));
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string uri, object? body, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(method, uri, body, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private async Task SendAsync(HttpMethod method, string uri, object? body = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(method, uri, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string uri, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Content = body switch
        {
            null => null,
            string text => new StringContent(text, Encoding.UTF8, "text/plain"),
            _ => JsonContent.Create(body, body.GetType(), options: Json),
        };
        var response = await ReachAsync(() => http.SendAsync(request, cancellationToken));
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A request that never reached the server says so in words, not as the browser's "TypeError: Failed to fetch".</summary>
    private static async Task<HttpResponseMessage> ReachAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException(Unreachable, e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Unauthorized?.Invoke();
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new ApiException(Problem.Parse(response.StatusCode, body));
    }
}

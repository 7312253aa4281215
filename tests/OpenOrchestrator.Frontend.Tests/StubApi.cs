using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>The API as a test scripts it: answers by method and path (with query), and every request it was sent.</summary>
public sealed class StubApi : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, Func<HttpResponseMessage>> _answers = [];
    private readonly Dictionary<string, Task> _holds = [];

    public List<(string Route, string? Body)> Requests { get; } = [];

    public StubApi On(HttpMethod method, string pathAndQuery, object? body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers[Key(method, pathAndQuery)] = () => new HttpResponseMessage(status)
        {
            Content = new StringContent(body is null ? "" : JsonSerializer.Serialize(body, Json), Encoding.UTF8,
                (int)status >= 400 ? "application/problem+json" : "application/json"),
        };
        return this;
    }

    /// <summary>An RFC 7807 answer as the API sends it: a type URI, a sentence, and field errors keyed as the API keys them.</summary>
    public StubApi OnProblem(HttpMethod method, string pathAndQuery, HttpStatusCode status, string title, string? detail = null, string? type = null,
        IReadOnlyDictionary<string, string[]>? errors = null) =>
        On(method, pathAndQuery, new { type, title, status = (int)status, detail, errors }, status);

    /// <summary>Answers to the route wait until the returned source is completed: an answer that arrives late.</summary>
    public TaskCompletionSource Hold(HttpMethod method, string pathAndQuery)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[Key(method, pathAndQuery)] = release.Task;
        return release;
    }

    public IEnumerable<string> Routes => Requests.Select(r => r.Route);

    /// <summary>The requests a person caused: the bot form also asks for cost estimates by itself while it is edited.</summary>
    public IEnumerable<(string Route, string? Body)> Sent => Requests.Where(r => !r.Route.StartsWith("POST /api/bots/estimate", StringComparison.Ordinal));

    /// <summary>The bodies of the requests to one route, oldest first.</summary>
    public IEnumerable<string?> Bodies(HttpMethod method, string pathAndQuery) => Requests.Where(r => r.Route == Key(method, pathAndQuery)).Select(r => r.Body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = Key(request.Method, request.RequestUri!.PathAndQuery);
        Requests.Add((key, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        if (_holds.TryGetValue(key, out var hold))
        {
            await hold.WaitAsync(cancellationToken);
        }

        return _answers.TryGetValue(key, out var answer) ? answer() : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") };
    }

    private static string Key(HttpMethod method, string pathAndQuery) => $"{method.Method} {pathAndQuery}";
}

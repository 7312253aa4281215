using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>An RFC 7807 problem details answer, read leniently: identity endpoints and the API both send them.</summary>
public sealed record Problem(HttpStatusCode Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The problem's type URI, which tells kinds of refusal apart where the status alone does not (two kinds of 409).</summary>
    public string? Type { get; init; }

    /// <summary>
    /// The field errors a form shows beside its fields (keyed as <paramref name="name"/> names them, messages of one
    /// field joined), and one sentence for the rest above its buttons: the other errors, or the problem's own message
    /// when it has none.
    /// </summary>
    public (Dictionary<string, string> Fields, string? General) Place(IReadOnlyCollection<string> fields, Func<string, string>? name = null)
    {
        var placed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unplaced = new List<string>();
        foreach (var (field, messages) in Errors)
        {
            var key = name?.Invoke(field) ?? field;
            var text = string.Join(" ", messages);
            if (fields.Contains(key, StringComparer.OrdinalIgnoreCase)) placed[key] = placed.TryGetValue(key, out var earlier) ? $"{earlier} {text}" : text;
            else unplaced.AddRange(messages);
        }

        return (placed, unplaced.Count > 0 ? string.Join(" ", unplaced) : Errors.Count == 0 ? Message : null);
    }

    /// <summary>A start refused because a monthly budget is used up; its detail starts with "Budget exceeded".</summary>
    public bool IsBudgetExceeded => Type?.EndsWith("budget-exceeded", StringComparison.Ordinal) == true;

    /// <summary>One sentence a person can read: the detail if any, else the title, else the field errors.</summary>
    public string Message =>
        !string.IsNullOrWhiteSpace(Detail) ? Detail!
        : Errors.Count > 0 && Title.StartsWith("One or more validation", StringComparison.Ordinal) ? string.Join(" ", Errors.SelectMany(e => e.Value))
        : Title;

    public static Problem Parse(HttpStatusCode status, string body)
    {
        var title = DefaultTitle(status);
        string? detail = null;
        string? type = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) title = t.GetString()!;
                if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String) detail = d.GetString();
                if (root.TryGetProperty("type", out var k) && k.ValueKind == JsonValueKind.String) type = k.GetString();
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(v => v.ToString())]
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A short plain-text answer is a sentence; a proxy's HTML error page is not one.
            detail = string.IsNullOrWhiteSpace(body) || body.Length > 300 || body.TrimStart().StartsWith('<') ? null : body.Trim();
        }

        // A bare status turned into a problem carries only its reason phrase ("Method Not Allowed"): say it in words.
        if (detail is null && errors.Count == 0 && !title.TrimEnd().EndsWith('.'))
        {
            title = DefaultTitle(status);
        }

        return new Problem(status, title, detail, errors) { Type = type };
    }

    /// <summary>What a status means to the person who pressed the button, for answers that do not say more.</summary>
    private static string DefaultTitle(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "The server could not read this request.",
        HttpStatusCode.Unauthorized => "Please sign in.",
        HttpStatusCode.Forbidden => "You are not allowed to do this.",
        HttpStatusCode.NotFound => "It does not exist (any more): it may have been deleted.",
        HttpStatusCode.MethodNotAllowed => "The server does not take this request here; reload the page, the app may have been updated.",
        HttpStatusCode.RequestTimeout => "The server waited too long for the request; try again.",
        HttpStatusCode.Conflict => "It changed meanwhile; reload the page and try again.",
        HttpStatusCode.RequestEntityTooLarge => "What you sent is larger than the server accepts.",
        HttpStatusCode.UnsupportedMediaType => "The server cannot read content of this type.",
        HttpStatusCode.TooManyRequests => "Too many requests; try again in a moment.",
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
            "The server is not reachable right now (it may be restarting). Try again in a moment.",
        >= HttpStatusCode.InternalServerError => "Something went wrong on the server. Try again; if it keeps happening, its log says why.",
        _ => string.Format(CultureInfo.InvariantCulture, "The server refused the request ({0}).", (int)status),
    };
}

/// <summary>A failed API call, carrying the server's problem details.</summary>
public sealed class ApiException(Problem problem) : Exception(problem.Message)
{
    public Problem Problem { get; } = problem;
}

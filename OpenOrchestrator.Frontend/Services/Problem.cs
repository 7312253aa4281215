using System.Globalization;
using System.Net;
using System.Text.Json;
using OpenOrchestrator.Frontend.Resources;

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

    /// <summary>
    /// What a status means to the person who pressed the button, for answers that do not say more; in the user's
    /// language, while a sentence the server wrote is shown as it came (the API speaks English).
    /// </summary>
    private static string DefaultTitle(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => Strings.Shared["Status400"],
        HttpStatusCode.Unauthorized => Strings.Shared["Status401"],
        HttpStatusCode.Forbidden => Strings.Shared["Status403"],
        HttpStatusCode.NotFound => Strings.Shared["Status404"],
        HttpStatusCode.MethodNotAllowed => Strings.Shared["Status405"],
        HttpStatusCode.RequestTimeout => Strings.Shared["Status408"],
        HttpStatusCode.Conflict => Strings.Shared["Status409"],
        HttpStatusCode.RequestEntityTooLarge => Strings.Shared["Status413"],
        HttpStatusCode.UnsupportedMediaType => Strings.Shared["Status415"],
        HttpStatusCode.TooManyRequests => Strings.Shared["Status429"],
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => Strings.Shared["StatusUnreachable"],
        >= HttpStatusCode.InternalServerError => Strings.Shared["Status500"],
        _ => Strings.Shared["StatusOther", ((int)status).ToString(CultureInfo.InvariantCulture)],
    };

}

/// <summary>A failed API call, carrying the server's problem details.</summary>
public sealed class ApiException(Problem problem) : Exception(problem.Message)
{
    public Problem Problem { get; } = problem;
}

using System.Text.RegularExpressions;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>What an MCP server spec must be before the server is tried; the answers are problem details' errors.</summary>
public static partial class McpServerRules
{
    public const int MaxNameLength = 40;
    public const int MaxHeaders = 20;
    public const int MaxArgs = 50;

    /// <summary>Plugin names the server's own tools use: a server named so would hide them.</summary>
    private static readonly string[] Reserved = ["results", "browser", "files", "web", "code"];

    public static Dictionary<string, string[]> Validate(McpServerSpec spec)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(spec.Name)) Add("name", "An MCP server needs a name.");
        else if (!NamePattern().IsMatch(spec.Name.Trim()))
            Add("name", $"The name has 1 to {MaxNameLength} letters, digits or underscores: its tools reach the model as '{{name}}-{{tool}}'.");
        else if (Reserved.Contains(spec.Name.Trim(), StringComparer.OrdinalIgnoreCase))
            Add("name", $"'{spec.Name.Trim()}' names one of the built-in tools; choose another name.");

        switch (spec.Transport)
        {
            case McpTransports.Http:
                if (UrlError(spec.Url) is { } urlError) Add("url", urlError);
                foreach (var (name, value) in spec.Headers ?? new Dictionary<string, string>())
                {
                    if (!HeaderNamePattern().IsMatch(name)) Add("headers", $"'{name}' is not a valid header name.");
                    else if (value is null || value.Length > 4096 || value.Any(c => c is '\r' or '\n' or '\0')) Add("headers", $"The value of '{name}' is missing, too long or spans lines.");
                }

                if (spec.Headers is { Count: > MaxHeaders }) Add("headers", $"At most {MaxHeaders} headers.");
                break;
            case McpTransports.Stdio:
                if (string.IsNullOrWhiteSpace(spec.Command)) Add("command", "A stdio server needs the command that starts it, e.g. node or python3.");
                else if (spec.Command.Length > 1024 || spec.Command.Contains('\0', StringComparison.Ordinal)) Add("command", "The command has at most 1024 characters.");
                if (spec.Args is { Count: > MaxArgs }) Add("args", $"At most {MaxArgs} arguments.");
                if ((spec.Args ?? []).Any(a => a is null || a.Length > 4096 || a.Contains('\0', StringComparison.Ordinal))) Add("args", "An argument has at most 4096 characters.");
                break;
            default:
                Add("transport", $"Unknown transport '{spec.Transport}': choose from {string.Join(", ", McpTransports.All)}.");
                break;
        }

        return errors;
    }

    private static string? UrlError(string? url) =>
        string.IsNullOrWhiteSpace(url) ? "An HTTP server needs its URL, e.g. https://example.com/mcp."
        : url.Length > 2048 ? "The URL has at most 2048 characters."
        : !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0 ? $"'{url}' is not a valid absolute URL."
        : uri.Scheme is not ("http" or "https") ? $"The URL's scheme must be http or https, not '{uri.Scheme}'."
        : null;

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")]
    private static partial Regex HeaderNamePattern();
}

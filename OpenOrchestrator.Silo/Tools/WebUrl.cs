using System.Diagnostics.CodeAnalysis;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>The addresses the web tools go to: absolute http and https URLs, nothing else (no file:, no javascript:).</summary>
public static class WebUrl
{
    /// <summary>Whether an absolute URI is http or https.</summary>
    public static bool IsWeb(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Scheme is "http" or "https";
    }

    /// <summary>The URL in <paramref name="text"/> (spaces around it ignored) when it is an absolute http or https URL.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Uri? url)
    {
        url = Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) && IsWeb(parsed) ? parsed : null;
        return url is not null;
    }

    /// <summary>The URL with <paramref name="parameters"/> (escaped already) after the query it has, e.g. a server's language.</summary>
    public static Uri AppendQuery(Uri url, string parameters)
    {
        var builder = new UriBuilder(url);
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length > 0 ? $"{existing}&{parameters}" : parameters;
        return builder.Uri;
    }
}

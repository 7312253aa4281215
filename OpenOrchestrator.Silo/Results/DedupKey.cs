using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenOrchestrator.Silo.Results;

/// <summary>
/// A result is the same result when its URL is (ignoring case of the host, fragment, trailing slash), else its title;
/// within a scope when one is given (a run answering a mail: two customers asking the same get two drafts).
/// </summary>
public static partial class DedupKey
{
    public static string For(string title, string? url, string? scope = null)
    {
        var basis = NormaliseUrl(url) is { } normalised ? $"url:{normalised}" : $"title:{NormaliseTitle(title)}";
        basis = scope is null ? basis : $"{scope}|{basis}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    public static string? NormaliseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        // Uri already lower-cases scheme and host; paths and queries may be case-sensitive.
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{uri.IdnHost}{port}{path}{uri.Query}";
    }

    public static string NormaliseTitle(string title) => Spaces().Replace(title.Trim().ToLowerInvariant(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

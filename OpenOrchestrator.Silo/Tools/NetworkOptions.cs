using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Which otherwise refused hosts (loopback, private, link-local...) the tools may reach.</summary>
public sealed class NetworkOptions
{
    public const string SectionName = "Tools:Network";

    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>Entries <c>host</c> or <c>host:port</c> separated by commas, semicolons or whitespace.</summary>
    [StringLength(8192)]
    public string? AllowedHosts { get; set; }

    /// <summary>
    /// The allow-list as configured in either form: one value (<c>Tools__Network__AllowedHosts=a,b</c>)
    /// or the list form every .NET user writes (<c>Tools__Network__AllowedHosts__0=a</c>), or both.
    /// </summary>
    public static string ReadAllowedHosts(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{SectionName}:{nameof(AllowedHosts)}");
        return string.Join(',', new[] { section.Value }.Concat(section.GetChildren().Select(c => c.Value)).Where(v => !string.IsNullOrWhiteSpace(v)));
    }

    public IReadOnlySet<string> ParseAllowedHosts()
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(AllowedHosts))
        {
            return hosts;
        }

        foreach (var entry in AllowedHosts.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var normalized = Normalize(entry);
            if (normalized.Length > 0)
            {
                hosts.Add(normalized);
            }
        }

        return hosts;
    }

    public static string Key(string host, int? port = null)
    {
        var bare = host.Trim().TrimStart('[').TrimEnd(']').ToLowerInvariant();
        // IPv6 literals carry brackets so "::1:80" can never be mistaken for a host with a port.
        var name = bare.Contains(':', StringComparison.Ordinal) ? $"[{bare}]" : bare;
        return port is null ? name : $"{name}:{port}";
    }

    private static string Normalize(string entry)
    {
        var text = entry.Trim();
        // Admins paste URLs; keep only their authority.
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri.IsDefaultPort && !text.Contains($":{uri.Port}", StringComparison.Ordinal)
                ? Key(uri.Host)
                : Key(uri.Host, uri.Port);
        }

        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return Key(text);
            }

            var host = text[..(close + 1)];
            return text.Length > close + 2 && text[close + 1] == ':' && int.TryParse(text[(close + 2)..], out var bracketPort)
                ? Key(host, bracketPort)
                : Key(host);
        }

        // More than one colon without brackets is a bare IPv6 literal, never host:port.
        if (text.Count(c => c == ':') > 1)
        {
            return Key(text);
        }

        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], out var port)
            ? Key(text[..colon], port)
            : Key(text);
    }
}

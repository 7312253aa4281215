using System.Text;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>A request to the proxy: its target and head as read, and the bytes that followed the head.</summary>
internal sealed record ProxyRequestHead(string Method, Uri? Target, string Host, int Port, string Version, string[] Headers, ReadOnlyMemory<byte> Rest)
{
    // Most heads fit; a long one (cookies) grows the buffer up to the limit instead of every connection taking the limit.
    private const int FirstBufferBytes = 4 * 1024;

    private static readonly byte[] End = "\r\n\r\n"u8.ToArray();

    // Hop-by-hop headers of the client's connection to the proxy are not the origin's business.
    private static readonly string[] Dropped = ["proxy-connection", "proxy-authorization", "connection", "keep-alive"];

    public bool IsConnect => Method == "CONNECT";

    /// <summary>Null when the head is malformed, too large, or not a proxy request (CONNECT or an absolute http URI).</summary>
    public static async Task<ProxyRequestHead?> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(FirstBufferBytes, maxBytes)];
        var length = 0;
        int end;
        while ((end = buffer.AsSpan(0, length).IndexOf(End)) < 0)
        {
            if (length == buffer.Length)
            {
                if (length == maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(length * 2, maxBytes));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
        }

        var lines = Encoding.Latin1.GetString(buffer, 0, end).Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3)
        {
            return null;
        }

        var rest = buffer.AsMemory(end + End.Length, length - end - End.Length);
        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (method == "CONNECT")
        {
            return Uri.TryCreate($"tunnel://{target}", UriKind.Absolute, out var authority) && authority.Port > 0
                ? new ProxyRequestHead(method, null, authority.Host, authority.Port, version, lines[1..], rest)
                : null;
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "ws"
            ? new ProxyRequestHead(method, uri, uri.Host, uri.Port, version, lines[1..], rest)
            : null;
    }

    /// <summary>The head sent to the origin: the path only, and one request per connection.</summary>
    public byte[] ForwardedHead()
    {
        var head = new StringBuilder($"{Method} {Target!.PathAndQuery} {Version}\r\n");
        var upgrade = Headers.Any(h => h.StartsWith("upgrade:", StringComparison.OrdinalIgnoreCase));
        foreach (var header in Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? header[..colon].Trim() : header;
            // An upgrade (a WebSocket) keeps its Connection header; it is the whole connection's purpose.
            if (!Dropped.Contains(name, StringComparer.OrdinalIgnoreCase) || (upgrade && name.Equals("connection", StringComparison.OrdinalIgnoreCase)))
            {
                head.Append(header).Append("\r\n");
            }
        }

        head.Append(upgrade ? "\r\n" : "Connection: close\r\n\r\n");
        return Encoding.Latin1.GetBytes(head.ToString());
    }
}

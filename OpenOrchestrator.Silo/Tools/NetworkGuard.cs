using System.Net;
using System.Net.Sockets;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Lets tools connect only to public addresses, unless the host (or host:port) is allow-listed.</summary>
public sealed class NetworkGuard
{
    private readonly IReadOnlySet<string> _allowedHosts;

    public NetworkGuard(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowedHosts = options.ParseAllowedHosts();
    }

    public bool IsAllowListed(string host, int port) =>
        _allowedHosts.Contains(NetworkOptions.Key(host)) || _allowedHosts.Contains(NetworkOptions.Key(host, port));

    // Redirects are left to the caller so each hop is checked; a proxy would hide the real target;
    // requests must stay below HTTP/3, whose QUIC connections bypass ConnectCallback.
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = ConnectAsync,
    };

    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
    }

    /// <summary>Resolves the host, classifies every address at connect time, then connects to those addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (!IsAllowListed(host, port))
        {
            EnsureAllPublic(host, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connecting to the addresses already checked (not the name) leaves no room for DNS rebinding.
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static void EnsureAllPublic(string host, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            var reason = AddressClassifier.WhyRefused(address);
            if (reason is null)
            {
                continue;
            }

            var literal = address.ToString();
            var what = string.Equals(literal, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
                ? $"{literal} is {reason}"
                : $"{host} resolves to {literal}, {reason}";
            throw new BlockedAddressException(
                $"refused: {what} (add the host to Tools__Network__AllowedHosts to allow it)");
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0
            ? addresses
            : throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{host} has no addresses");
    }
}

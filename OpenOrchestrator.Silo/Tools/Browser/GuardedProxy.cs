using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>
/// The loopback HTTP proxy Chromium is pointed at: every upstream connection it opens goes through
/// <see cref="NetworkGuard"/>, so the browser reaches nothing <c>browser.fetch</c> could not.
/// CONNECT tunnels carry https and wss; other requests are forwarded once, then the connection closes.
/// </summary>
public sealed partial class GuardedProxy(NetworkGuard guard, ILogger<GuardedProxy> logger) : IAsyncDisposable
{
    /// <summary>Set on the answer to a refused plain-HTTP request, so the page's reader can tell a refusal from a site's error.</summary>
    public const string RefusedHeader = "X-Network-Guard-Refused";

    private const int MaxHeadBytes = 64 * 1024;

    // Playwright gives a response's header names in lower case.
    private static readonly string RefusedHeaderName = RefusedHeader.ToLowerInvariant();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private Task _accepting = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>Whether an answer the browser received is this proxy's refusal rather than the site's own.</summary>
    internal static bool IsRefusal(IReadOnlyDictionary<string, string> headers) => headers.ContainsKey(RefusedHeaderName);

    /// <summary>Why the last connection to <c>host:port</c> was refused, or null when none was.</summary>
    public string? RefusalFor(string host, int port) => _refusals.TryGetValue($"{host}:{port}", out var reason) ? reason : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        await using var client = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var head = await ProxyRequestHead.ReadAsync(client, MaxHeadBytes, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                await WriteAsync(client, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", cancellationToken).ConfigureAwait(false);
                return;
            }

            Stream upstream;
            try
            {
                upstream = await guard.ConnectAsync(head.Host, head.Port, cancellationToken).ConfigureAwait(false);
            }
            catch (BlockedAddressException refused)
            {
                // Kept only to explain the page's error; a server that runs for months must not keep every refusal.
                if (_refusals.Count >= 1_000)
                {
                    _refusals.Clear();
                }

                _refusals[$"{head.Host}:{head.Port}"] = refused.Message;
                LogRefused(head.Host, head.Port, refused.Message);
                await RefuseAsync(client, head, refused.Message, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is SocketException or HttpRequestException)
            {
                await WriteAsync(client, "HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", cancellationToken).ConfigureAwait(false);
                return;
            }

            await using (upstream.ConfigureAwait(false))
            {
                if (head.IsConnect)
                {
                    await WriteAsync(client, "HTTP/1.1 200 Connection Established\r\n\r\n", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await upstream.WriteAsync(head.ForwardedHead(), cancellationToken).ConfigureAwait(false);
                }

                await upstream.WriteAsync(head.Rest, cancellationToken).ConfigureAwait(false);
                await PipeAsync(client, upstream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A closed tab or a reset connection ends its tunnel; nothing to report.
        }
    }

    private static async Task RefuseAsync(Stream client, ProxyRequestHead head, string reason, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(reason);
        var status = head.IsConnect ? "403 Forbidden" : "502 Bad Gateway";
        await WriteAsync(client,
            $"HTTP/1.1 {status}\r\n{RefusedHeader}: 1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n",
            cancellationToken).ConfigureAwait(false);
        await client.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies both ways until either side closes; then both are closed.</summary>
    private static async Task PipeAsync(Stream client, Stream upstream, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var up = client.CopyToAsync(upstream, done.Token);
        var down = upstream.CopyToAsync(client, done.Token);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    private static Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).AsTask();

    [LoggerMessage(Level = LogLevel.Information, Message = "Browser connection to {Host}:{Port} refused: {Reason}")]
    private partial void LogRefused(string host, int port, string reason);
}

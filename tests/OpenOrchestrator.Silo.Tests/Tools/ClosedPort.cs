using System.Net;
using System.Net.Sockets;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>
/// A loopback port nobody allowed, on 127.0.0.1 and, where the machine has it, on [::1] too: it counts every
/// connection that reaches it by either address.
/// </summary>
internal sealed class ClosedPort : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Task> _accepting = [];
    private int _accepted;

    public ClosedPort()
    {
        var v4 = new TcpListener(IPAddress.Loopback, 0);
        v4.Start();
        _listeners.Add(v4);
        try
        {
            var v6 = new TcpListener(IPAddress.IPv6Loopback, Port);
            v6.Start();
            _listeners.Add(v6);
        }
        catch (SocketException)
        {
            // No IPv6 loopback here, or the port is taken there: IPv4 alone.
        }

        _accepting.AddRange(_listeners.Select(AcceptAsync));
    }

    public int Port => ((IPEndPoint)_listeners[0].LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async ValueTask DisposeAsync()
    {
        _listeners.ForEach(l => l.Stop());
        await Task.WhenAll(_accepting);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}

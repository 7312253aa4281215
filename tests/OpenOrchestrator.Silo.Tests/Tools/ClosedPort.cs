using System.Net;
using System.Net.Sockets;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>A loopback port nobody allowed: it counts every connection that reaches it.</summary>
internal sealed class ClosedPort : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _accepting;
    private int _accepted;

    public ClosedPort()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var socket = await _listener.AcceptSocketAsync();
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}

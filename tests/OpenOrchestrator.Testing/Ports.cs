using System.Net;
using System.Net.Sockets;

namespace OpenOrchestrator.Testing;

/// <summary>Ports for servers a test starts.</summary>
public static class Ports
{
    // Below Linux's ephemeral range (32768–60999): a port from there, free when chosen, may be
    // handed to any outgoing connection on a busy machine before the server binds it.
    private const int First = 20_000;
    private const int Last = 32_000;

    /// <summary>A port no one listens on now, chosen at random outside the range outgoing connections take theirs from.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>
/// Opens an MCP client for a stored server: streamable HTTP through the network guard's client, or a stdio
/// process in the sandbox. A server that cannot be reached becomes an <see cref="McpConnectException"/> saying why.
/// </summary>
public sealed class McpConnector(IHttpClientFactory http, McpSandbox sandbox, McpHeaders headers, IOptions<McpOptions> options, ILoggerFactory loggers)
{
    public const string HttpClientName = "mcp";

    /// <summary>
    /// Connects and lists the server's tools, both within the configured time, so a server that accepts the handshake
    /// and then never lists them is cut there too. <paramref name="folder"/> is where a stdio server runs.
    /// </summary>
    public async Task<McpConnection> OpenAsync(McpServerRecord server, string folder, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds);
        var errors = new StandardErrorTail();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        McpClient? client = null;
        try
        {
            var transport = await TransportAsync(server, folder, errors.Add, timeout);
            client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "OpenOrchestrator", Version = "1.0" },
                InitializationTimeout = timeout,
            }, loggers, limit.Token);
            return new McpConnection(client, await client.ListToolsAsync(cancellationToken: limit.Token));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not McpConnectException)
        {
            var reason = McpFailures.Reason(e, server, errors.Text, timeout, connected: client is not null, expired: limit.IsCancellationRequested);
            await CloseAsync(client);
            throw new McpConnectException(reason, e);
        }
        catch
        {
            await CloseAsync(client);
            throw;
        }
    }

    private static ValueTask CloseAsync(McpClient? client) => client is null ? ValueTask.CompletedTask : McpConnection.CloseAsync(client);

    private async Task<IClientTransport> TransportAsync(McpServerRecord server, string folder, Action<string> standardError, TimeSpan timeout) =>
        server.Transport == McpTransports.Http
            ? new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Name = server.Name,
                    Endpoint = new Uri(server.Url!),
                    TransportMode = HttpTransportMode.StreamableHttp,
                    AdditionalHeaders = headers.Read(server),
                    ConnectionTimeout = timeout,
                },
                http.CreateClient(HttpClientName),
                NullLoggerFactory.Instance,
                ownsHttpClient: true)
            : await sandbox.TransportAsync(server, folder, standardError);

    /// <summary>The last lines a stdio server wrote to stderr: what a command that did not start says about it.</summary>
    private sealed class StandardErrorTail
    {
        private readonly Queue<string> _lines = new();

        public string Text
        {
            get { lock (_lines) return string.Join(" ", _lines); }
        }

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line.Trim());
                if (_lines.Count > 3)
                {
                    _lines.Dequeue();
                }
            }
        }
    }
}

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

    /// <summary>Connects within the configured time; <paramref name="folder"/> is where a stdio server runs.</summary>
    public async Task<McpClient> ConnectAsync(McpServerRecord server, string folder, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds);
        var errors = new StandardErrorTail();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var transport = await TransportAsync(server, folder, errors.Add, timeout);
            return await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "OpenOrchestrator", Version = "1.0" },
                InitializationTimeout = timeout,
            }, loggers, limit.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not McpConnectException)
        {
            throw new McpConnectException(McpFailures.Reason(e, server, errors.Text, timeout), e);
        }
    }

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

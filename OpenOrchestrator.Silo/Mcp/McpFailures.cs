using System.Net.Sockets;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>Why a server could not be used, in a sentence for its owner: the guard's refusal, the socket's error, the command's own words.</summary>
public static class McpFailures
{
    public static string Reason(Exception e, McpServerRecord server, string standardError, TimeSpan timeout)
    {
        var chain = Chain(e).ToList();
        if (chain.OfType<BlockedAddressException>().FirstOrDefault() is { } blocked)
        {
            return blocked.Message;
        }

        if (server.Transport == McpTransports.Stdio)
        {
            var said = standardError.Replace("bwrap: ", "", StringComparison.Ordinal).Replace("prlimit: ", "", StringComparison.Ordinal);
            return said.Length > 0
                ? $"the command '{server.Command}' did not start an MCP server: {Cut(said)}"
                : chain.Any(x => x is OperationCanceledException or TimeoutException)
                    ? $"the command '{server.Command}' gave no MCP answer within {timeout.TotalSeconds:0} s"
                    : $"the command '{server.Command}' did not start an MCP server ({e.GetType().Name})";
        }

        var target = Uri.TryCreate(server.Url, UriKind.Absolute, out var uri) ? uri.Authority : server.Url;
        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return $"could not connect to {target}: {socket.Message}";
        }

        if (chain.OfType<HttpRequestException>().FirstOrDefault(x => x.StatusCode is not null) is { StatusCode: { } status })
        {
            return $"{target} answered {(int)status} {status}: not an MCP server at this URL, or the headers are refused";
        }

        if (chain.Any(x => x is OperationCanceledException or TimeoutException))
        {
            return $"{target} gave no MCP answer within {timeout.TotalSeconds:0} s";
        }

        return $"{target} did not answer as an MCP server: {Cut(e.Message)}";
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

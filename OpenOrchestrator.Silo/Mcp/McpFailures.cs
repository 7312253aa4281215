using System.Net.Sockets;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>Why a server could not be used, in a sentence for its owner: the guard's refusal, the socket's error, the command's own words.</summary>
public static class McpFailures
{
    /// <summary>
    /// <paramref name="connected"/>: the handshake was made and listing the tools failed; <paramref name="expired"/>: the
    /// connect timeout cut the attempt (a cut socket then reports "Operation canceled", which is no reason to give).
    /// </summary>
    public static string Reason(Exception e, McpServerRecord server, string standardError, TimeSpan timeout, bool connected, bool expired)
    {
        var chain = Chain(e).ToList();
        if (chain.OfType<BlockedAddressException>().FirstOrDefault() is { } blocked)
        {
            return blocked.Message;
        }

        var timedOut = expired || chain.Any(x => x is OperationCanceledException or TimeoutException);
        string Late(string who) => connected
            ? $"{who} did not list its tools within {timeout.TotalSeconds:0} s"
            : $"{who} gave no MCP answer within {timeout.TotalSeconds:0} s";

        if (server.Transport == McpTransports.Stdio)
        {
            var command = $"the command '{server.Command}'";
            var said = standardError.Replace("bwrap: ", "", StringComparison.Ordinal).Replace("prlimit: ", "", StringComparison.Ordinal);
            return timedOut && (connected || said.Length == 0) ? Late(command)
                : connected ? $"{command} did not list its tools: {Cut(said.Length > 0 ? said : e.Message)}"
                : said.Length > 0 ? $"{command} did not start an MCP server: {Cut(said)}"
                : $"{command} did not start an MCP server ({e.GetType().Name})";
        }

        var target = Uri.TryCreate(server.Url, UriKind.Absolute, out var uri) ? uri.Authority : server.Url ?? "";
        return expired ? Late(target)
            : chain.OfType<SocketException>().FirstOrDefault() is { } socket ? $"could not connect to {target}: {socket.Message}"
            : chain.OfType<HttpRequestException>().FirstOrDefault(x => x.StatusCode is not null) is { StatusCode: { } status }
                ? $"{target} answered {(int)status} {status}: not an MCP server at this URL, or the headers are refused"
            : timedOut ? Late(target)
            : connected ? $"{target} did not list its tools: {Cut(e.Message)}"
            : $"{target} did not answer as an MCP server: {Cut(e.Message)}";
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

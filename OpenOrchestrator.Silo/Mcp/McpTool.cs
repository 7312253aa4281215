using System.Text;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>
/// One tool of an MCP server as a run calls it: the answer's text for the model, and a server that fails
/// (gone, timed out, refused) as a readable error the model can work with instead of a failed run.
/// </summary>
public sealed class McpTool(McpClientTool tool, string server, TimeSpan timeout) : DelegatingAIFunction(tool)
{
    public override string Name { get; } = McpToolNames.Function(tool.Name);

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var result = await tool.CallAsync(arguments, cancellationToken: limit.Token);
            var text = Text(result.Content);
            return result.IsError == true ? $"Error from the MCP server '{server}': {text}" : text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Error: the MCP server '{server}' gave no answer within {timeout.TotalSeconds:0} s.";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Error: the MCP server '{server}' failed: {e.Message}";
        }
    }

    private static string Text(IEnumerable<ContentBlock> content)
    {
        var text = new StringBuilder();
        foreach (var block in content)
        {
            text.AppendLine(block switch
            {
                TextContentBlock t => t.Text,
                ImageContentBlock i => $"[image {i.MimeType}]",
                AudioContentBlock a => $"[audio {a.MimeType}]",
                _ => $"[{block.Type}]",
            });
        }

        return text.ToString().TrimEnd();
    }
}

using System.Text.Json;

namespace OpenOrchestrator.Testing;

/// <summary>A chat-completions request as the scripted model server received it.</summary>
public sealed class ModelRequest
{
    public required string Model { get; init; }

    public required bool Stream { get; init; }

    /// <summary>True when the request asked for a usage chunk at the end of the stream.</summary>
    public required bool IncludeUsage { get; init; }

    public required IReadOnlyList<ModelMessage> Messages { get; init; }

    /// <summary>The function name of each entry in "tools".</summary>
    public required IReadOnlyList<string> ToolNames { get; init; }

    /// <summary>The whole request body.</summary>
    public required JsonElement Raw { get; init; }

    /// <summary>0-based position of this request among all the server has received.</summary>
    public required int Index { get; init; }

    /// <summary>The Authorization header, e.g. "Bearer key".</summary>
    public required string? Authorization { get; init; }

    public ModelMessage LastMessage =>
        Messages.Count > 0 ? Messages[^1] : throw new InvalidOperationException("The request has no messages.");

    /// <summary>The text of the last user message, or null when there is none.</summary>
    public string? LastUserText => Messages.LastOrDefault(m => m.IsUser)?.Content;

    /// <summary>Tool results of the current turn: the tool messages after the last user message.</summary>
    public IReadOnlyList<ModelMessage> ToolResults
    {
        get
        {
            var lastUser = -1;
            for (var i = Messages.Count - 1; i >= 0; i--)
            {
                if (Messages[i].IsUser)
                {
                    lastUser = i;
                    break;
                }
            }

            return [.. Messages.Skip(lastUser + 1).Where(m => m.IsTool)];
        }
    }

    /// <summary>The system (or developer) prompt, or null when there is none.</summary>
    public string? SystemPrompt => Messages.FirstOrDefault(m => m.Role is "system" or "developer")?.Content;
}

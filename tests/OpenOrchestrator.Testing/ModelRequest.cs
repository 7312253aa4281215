using System.Text.Json;

namespace OpenOrchestrator.Testing;

/// <summary>A chat request as a scripted server received it, in the same terms whichever wire format carried it.</summary>
public sealed class ModelRequest
{
    public required string Model { get; init; }

    public required bool Stream { get; init; }

    /// <summary>True when the stream will report usage: asked for with OpenAI, always so when streaming from Anthropic.</summary>
    public required bool IncludeUsage { get; init; }

    public required IReadOnlyList<ModelMessage> Messages { get; init; }

    /// <summary>The function name of each entry in "tools".</summary>
    public required IReadOnlyList<string> ToolNames { get; init; }

    /// <summary>The whole request body, e.g. for Anthropic's "max_tokens".</summary>
    public required JsonElement Raw { get; init; }

    /// <summary>0-based position of this request among all the server has received.</summary>
    public required int Index { get; init; }

    /// <summary>
    /// The credential as sent. From the OpenAI server the Authorization header, e.g. "Bearer key"; from the Anthropic
    /// server the raw x-api-key header, e.g. "key" (no "Bearer"), or the Authorization header when there is none.
    /// </summary>
    public required string? Authorization { get; init; }

    internal string ModelOrDefault => Model.Length > 0 ? Model : "scripted";

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

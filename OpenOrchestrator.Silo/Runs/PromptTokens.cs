using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// An upper estimate of a call's prompt tokens, for the budget check before it: a token is about four
/// characters of English, so a third of the characters (and the tools' schemas) errs on the high side.
/// </summary>
public static class PromptTokens
{
    public static long Estimate(IReadOnlyList<ChatMessage> conversation, ChatOptions options)
    {
        long characters = 0;
        foreach (var message in conversation)
        {
            foreach (var content in message.Contents)
            {
                characters += content switch
                {
                    TextContent text => text.Text.Length,
                    FunctionCallContent call => call.Name.Length + (call.Arguments is null ? 0 : JsonSerializer.Serialize(call.Arguments).Length),
                    FunctionResultContent result => result.Result?.ToString()?.Length ?? 0,
                    _ => 0,
                };
            }
        }

        foreach (var tool in options.Tools ?? [])
        {
            characters += tool.Name.Length + tool.Description.Length + (tool is AIFunctionDeclaration f ? f.JsonSchema.GetRawText().Length : 0);
        }

        return characters / 3 + 8 * conversation.Count + 16;
    }
}

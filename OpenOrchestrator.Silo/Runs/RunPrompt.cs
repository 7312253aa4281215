using Microsoft.Extensions.AI;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>The conversation a run starts with: the bot's task as system prompt, the run's input as user turn.</summary>
public static class RunPrompt
{
    public static List<ChatMessage> Create(RunTicket ticket)
    {
        var system = $"""
            You are "{ticket.Bot.Name}", a bot in OpenOrchestrator. You run on your own: nobody answers questions
            while you work, so act with the tools you have and finish with a short summary of what you did.
            Report every finding worth showing to your owner with results-report (title, url, content, price).
            Findings you reported before are recognised and not stored twice, so report what you find.
            Today is {DateTime.UtcNow:yyyy-MM-dd} (UTC).

            Your task:
            {ticket.Bot.Prompt}
            """;
        return
        [
            new(ChatRole.System, system),
            new(ChatRole.User, string.IsNullOrWhiteSpace(ticket.Input) ? "Run your task now." : ticket.Input),
        ];
    }
}

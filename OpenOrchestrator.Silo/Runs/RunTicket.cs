using System.Diagnostics;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>What the executor needs to carry out one run: a snapshot, so later edits do not change it.</summary>
public sealed record RunTicket(string RunId, string OwnerId, string Trigger, string? Input, DateTime StartedAt, RunBot Bot)
{
    /// <summary>The bot whose completion started this run: its documents are readable, never writable.</summary>
    public string? ReadableSourceBotId => RunTriggers.SourceBotOf(Trigger);

    /// <summary>How many trigger firings led here (0 for manual and scheduled runs).</summary>
    public int Depth { get; init; }

    /// <summary>When the run was made (earlier than its start when it waited in the queue).</summary>
    public DateTime CreatedAt { get; init; } = StartedAt;

    /// <summary>The span that handed the run over (the grain call, under the API request): the run's span is its child.</summary>
    public ActivityContext Parent { get; init; }

    /// <summary>A budget applies to this run (the bot's, its owner's or the server's cap): every model call is checked first.</summary>
    public bool Budgeted { get; init; }
}

public sealed record RunBot(string Id, string Name, string Prompt, string Model, IReadOnlyList<string> Tools, bool RequireApproval = false)
{
    /// <summary>Models tried in order when the model's provider fails.</summary>
    public IReadOnlyList<string> FallbackModels { get; init; } = [];

    /// <summary>The bot's own budget in USD per month, or null.</summary>
    public double? MonthlyBudget { get; init; }

    /// <summary>Names of the owner's MCP servers whose tools the run offers.</summary>
    public IReadOnlyList<string> McpServers { get; init; } = [];

    /// <summary><c>server.tool</c> entries narrowing those tools; empty for all.</summary>
    public IReadOnlyList<string> McpTools { get; init; } = [];

    public static RunBot From(BotRecord bot) => new(bot.Id, bot.Name, bot.Prompt, bot.Model, [.. bot.Tools], bot.RequireApproval)
    {
        FallbackModels = [.. bot.FallbackModels],
        MonthlyBudget = bot.MonthlyBudget,
        McpServers = [.. bot.McpServers],
        McpTools = [.. bot.McpTools],
    };
}

public enum RunStopReason
{
    None,
    Cancelled,
    TimedOut,
    StepLimit,
    TokenLimit,
    Shutdown,
}

using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

public static class BotMapping
{
    public static BotView ToView(this BotRecord bot, BotStats stats) => new(
        bot.Id,
        bot.Name,
        bot.Emoji,
        bot.Description,
        bot.Prompt,
        bot.Model,
        bot.Tools,
        bot.ScheduleOf(),
        bot.Notify,
        bot.Enabled,
        bot.MissedRuns,
        bot.Status,
        bot.LastRunAt.Utc(),
        bot.NextRunAt.Utc(),
        stats,
        bot.CreatedAt.Utc(),
        bot.UpdatedAt.Utc())
    {
        RequireApproval = bot.RequireApproval,
        FallbackModels = bot.FallbackModels,
        MonthlyBudget = bot.MonthlyBudget,
        McpServers = bot.McpServers,
        McpTools = bot.McpTools,
    };
}

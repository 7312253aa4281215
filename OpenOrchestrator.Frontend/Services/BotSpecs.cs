namespace OpenOrchestrator.Frontend.Services;

public static class BotSpecs
{
    /// <summary>The whole spec of a bot as read, for a PUT that changes one thing (pause/resume).</summary>
    public static BotSpec From(BotView bot) => new()
    {
        Name = bot.Name,
        Emoji = bot.Emoji,
        Description = bot.Description,
        Prompt = bot.Prompt,
        Model = bot.Model,
        Tools = bot.Tools,
        Schedule = bot.Schedule,
        Notify = bot.Notify,
        Enabled = bot.Enabled,
        MissedRuns = bot.MissedRuns,
    };
}

using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// Bots scheduled "after" this one. When this bot is deleted they must not keep waiting for a bot that
/// no longer exists: each becomes manual through its own grain (the single writer of its row) and
/// says so in its activity, so the owner learns why it stopped starting.
/// </summary>
public sealed partial class BotGrain
{
    public async Task AfterBotDeletedAsync(string deletedBotId, string deletedBotName)
    {
        if (_bot is not { ScheduleKind: ScheduleKinds.After } || _bot.ScheduleAfterBotId != deletedBotId)
        {
            return;
        }

        var bot = Copy(_bot);
        bot.ScheduleKind = ScheduleKinds.Manual;
        bot.ScheduleAfterBotId = null;
        bot.NextRunAt = null;
        bot.Status = StatusOf(bot);
        bot.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var activity = Activity(ActivityKinds.ScheduleChanged, $"Its schedule became manual: {deletedBotName}, the bot it ran after, was deleted.");
        await commits.SaveAsync(rows => Write(rows, bot).InsertNumbered(activity));

        _bot = bot;
        await SyncReminderAsync(reregister: false);
        AnnounceChanged();
        Announce(activity);
    }

    /// <summary>The owner's bots whose schedule waits for this one, paused ones too: resumed, they would wait forever.</summary>
    private Task<List<string>> DependentsAsync(OrchestratorDbContext db) => db.Bots
        .Where(b => b.OwnerId == _bot!.OwnerId && b.ScheduleKind == ScheduleKinds.After && b.ScheduleAfterBotId == BotId)
        .Select(b => b.Id)
        .ToListAsync();

    /// <summary>
    /// Called once this bot's rows are gone. A dependent that cannot be told is logged, not retried: the
    /// delete has happened, and the dependent only waits (it never runs for a bot that cannot finish).
    /// </summary>
    private async Task TellDependentsAsync(IReadOnlyList<string> dependents)
    {
        var name = _bot!.Name;
        foreach (var id in dependents)
        {
            try
            {
                await GrainFactory.GetGrain<IBotGrain>(id).AfterBotDeletedAsync(BotId, name);
            }
            catch (Exception e)
            {
                LogDependentNotTold(e, id, BotId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId} still waits for deleted bot {DeletedBotId}: it could not be told")]
    private partial void LogDependentNotTold(Exception exception, string botId, string deletedBotId);
}

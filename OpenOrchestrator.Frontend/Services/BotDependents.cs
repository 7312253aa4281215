using Microsoft.Extensions.Localization;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// What deleting a bot undoes, one sentence per link, for the confirmation: bots scheduled after it (they
/// become manual) and the triggers from and to it (they are removed with it).
/// </summary>
public static class BotDependents
{
    private static IStringLocalizer T => Strings.Shared;

    public static IReadOnlyList<string> Of(BotView bot, IEnumerable<BotView> bots, IEnumerable<TriggerView> triggers)
    {
        var all = bots.ToList();
        string Name(string? id) => all.FirstOrDefault(b => b.Id == id) is { } other ? other.Name : T["AnotherBotSubject"];

        var lines = all
            .Where(b => b.Id != bot.Id && b.Schedule is { Kind: ScheduleKinds.After } && b.Schedule.AfterBotId == bot.Id)
            .Select(b => T["DependentRunsAfter", b.Name].Value)
            .ToList();
        foreach (var trigger in triggers)
        {
            if (trigger.SourceBotId == bot.Id)
            {
                lines.Add(T["DependentOutgoing", Event(trigger.Event), Action(trigger, trigger.TargetBotId == bot.Id ? T["ItObject"] : Name(trigger.TargetBotId))]);
            }
            else if (trigger.TargetBotId == bot.Id)
            {
                lines.Add(T["DependentIncoming", Name(trigger.SourceBotId), Event(trigger.Event)]);
            }
        }

        return lines;
    }

    private static string Event(string triggerEvent) => triggerEvent switch
    {
        TriggerEvents.Failed => T["WhenFails"],
        TriggerEvents.Result => T["WhenFindsSomething"],
        _ => T["WhenDone"],
    };

    private static string Action(TriggerView trigger, string target) => trigger.TargetAction switch
    {
        TargetActions.NotifyTelegram => T["SendTelegram"],
        TargetActions.NotifyEmail => T["SendEmail"],
        _ => T["StartTarget", target],

    };
}

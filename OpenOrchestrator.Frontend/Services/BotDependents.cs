namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// What deleting a bot undoes, one sentence per link, for the confirmation: bots scheduled after it (they
/// become manual) and the triggers from and to it (they are removed with it).
/// </summary>
public static class BotDependents
{
    public static IReadOnlyList<string> Of(BotView bot, IEnumerable<BotView> bots, IEnumerable<TriggerView> triggers)
    {
        var all = bots.ToList();
        string Name(string? id) => all.FirstOrDefault(b => b.Id == id) is { } other ? other.Name : "another bot";

        var lines = all
            .Where(b => b.Id != bot.Id && b.Schedule is { Kind: ScheduleKinds.After } && b.Schedule.AfterBotId == bot.Id)
            .Select(b => $"{b.Name} runs after it (its schedule becomes manual)")
            .ToList();
        foreach (var trigger in triggers)
        {
            if (trigger.SourceBotId == bot.Id)
            {
                lines.Add($"Trigger: when it {Event(trigger.Event)}, {Action(trigger, trigger.TargetBotId == bot.Id ? "it" : Name(trigger.TargetBotId))}");
            }
            else if (trigger.TargetBotId == bot.Id)
            {
                lines.Add($"Trigger: when {Name(trigger.SourceBotId)} {Event(trigger.Event)}, start it");
            }
        }

        return lines;
    }

    private static string Event(string triggerEvent) => triggerEvent switch
    {
        TriggerEvents.Completed => "is done",
        TriggerEvents.Failed => "fails",
        TriggerEvents.Result => "finds something",
        _ => "is done",
    };

    private static string Action(TriggerView trigger, string target) => trigger.TargetAction switch
    {
        TargetActions.NotifyTelegram => "send a Telegram message",
        TargetActions.NotifyEmail => "send an e-mail",
        _ => $"start {target}",
    };
}

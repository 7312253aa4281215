using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Triggers;

public static class TriggerValidator
{
    /// <summary>Field errors; both ends must be the user's own bots.</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(TriggerSpec spec, string ownerId, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var action = spec.TargetAction ?? TargetActions.Start;
        if (!TargetActions.All.Contains(action))
            errors["targetAction"] = [$"Unknown action '{action}': choose from {string.Join(", ", TargetActions.All)}."];
        if (spec.Event is null || !TriggerEvents.All.Contains(spec.Event))
            errors["event"] = [$"The event must be one of {string.Join(", ", TriggerEvents.All)}."];
        if (spec.MaxDepth is < 1 or > TriggerFirings.HardDepthLimit)
            errors["maxDepth"] = [$"maxDepth must be between 1 and {TriggerFirings.HardDepthLimit}."];
        if (!await OwnsAsync(spec.SourceBotId))
            errors["sourceBotId"] = [spec.SourceBotId is null ? "A trigger needs a source bot." : $"You have no bot with id '{spec.SourceBotId}'."];

        if (action == TargetActions.Start && !await OwnsAsync(spec.TargetBotId))
            errors["targetBotId"] = [spec.TargetBotId is null ? "Starting a bot needs targetBotId." : $"You have no bot with id '{spec.TargetBotId}'."];
        else if (action != TargetActions.Start && spec.TargetBotId is not null)
            errors["targetBotId"] = [$"'{action}' notifies you; it takes no targetBotId."];

        return errors;

        async Task<bool> OwnsAsync(string? botId) =>
            Ids.IsWellFormed(botId) && await db.Bots.AnyAsync(b => b.Id == botId && b.OwnerId == ownerId, cancellationToken);
    }
}

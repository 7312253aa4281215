using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// Every field of a bot (the seed's "new bot" dialog). Obvious mistakes are caught here; the
/// server's problem-details <c>errors</c> are shown beside the same fields.
/// </summary>
public sealed partial class BotForm
{
    private static readonly string[] Emojis = ["🤖", "🛒", "👗", "💻", "🧪", "📧", "📊", "🔎", "📰", "🧠", "📈", "🏠", "🎵", "✈️", "🐛", "⚙️"];

    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private string? _general;
    private bool _saving;

    [Inject] private ApiClient Api { get; set; } = default!;

    /// <summary>The bot to edit, or null for a new one.</summary>
    [Parameter] public BotView? Bot { get; set; }

    [Parameter] public IReadOnlyList<ModelInfo> Models { get; set; } = [];

    [Parameter] public IReadOnlyList<BotView> Bots { get; set; } = [];

    /// <summary>The user's MCP servers the bot may be given.</summary>
    [Parameter] public IReadOnlyList<McpServerView> McpServers { get; set; } = [];

    /// <summary>The user's servers, plus those the bot names that are gone (so unticking them is possible).</summary>
    private IEnumerable<string> McpServerNames => McpServers.Select(s => s.Name).Union(Draft.McpServers, StringComparer.Ordinal);

    /// <summary>Which ways out reach the user: a channel that does not says why beside its box, before the bot is saved.</summary>
    [Parameter] public IReadOnlyList<ChannelStatus> Channels { get; set; } = [];

    [Parameter] public EventCallback<BotView> OnSaved { get; set; }

    [Parameter] public EventCallback OnCancel { get; set; }

    internal BotDraft Draft { get; private set; } = new();

    private IEnumerable<BotView> OtherBots => Bots.Where(b => b.Id != Bot?.Id);

    /// <summary>The server's models, plus the bot's current one if the server no longer lists it.</summary>
    private List<ModelInfo> ModelOptions =>
        Draft.Model.Length > 0 && Models.All(m => m.Id != Draft.Model) ? [.. Models, new ModelInfo(Draft.Model, "current", false)] : [.. Models];

    protected override void OnInitialized()
    {
        Draft = Bot is null ? new BotDraft() : BotDraft.From(Bot);
        if (Bot is null && (Models.FirstOrDefault(m => m.IsDefault) ?? (Models.Count > 0 ? Models[0] : null)) is { } model)
        {
            Draft.Model = model.Id;
        }
    }

    private void ModelChanged(string model)
    {
        Draft.Model = model;
        Fixed("model");
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The user changed the field: its message goes until the next Save says otherwise.</summary>
    private void Fixed(string field) => _errors.Remove(field);

    /// <summary>A number out of range is told at once, beside the field; an empty one waits for Save.</summary>
    private void EveryMinutesChanged()
    {
        const string field = "schedule.everyMinutes";
        Fixed(field);
        if (Draft.EveryMinutes is not null && Draft.Validate(Bot?.Id).GetValueOrDefault(field) is { } error)
        {
            _errors[field] = error;
        }
    }

    /// <summary>Servers and tools share one place for their messages.</summary>
    private void McpChanged()
    {
        Fixed("mcpServers");
        Fixed("mcpTools");
    }

    /// <summary>Blazor renders a true bool attribute without a value; ARIA wants the words.</summary>
    private static string Bool(bool value) => value ? "true" : "false";

    private static void Toggle(HashSet<string> set, string value, bool on)
    {
        if (on) set.Add(value);
        else set.Remove(value);
    }

    private async Task SaveAsync()
    {
        _general = null;
        _errors = Draft.Validate(Bot?.Id);
        if (_errors.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            var saved = Bot is null ? await Api.CreateBotAsync(Draft.ToSpec()) : await Api.UpdateBotAsync(Bot.Id, Draft.ToSpec());
            await OnSaved.InvokeAsync(saved);
        }
        catch (ApiException e)
        {
            ShowServerErrors(e.Problem);
        }
        catch (HttpRequestException)
        {
            _general = ApiClient.Unreachable;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Known fields get their messages beside them; anything else (a cycle, an unknown field) goes above the buttons.</summary>
    internal void ShowServerErrors(Problem problem) => (_errors, _general) = problem.Place(KnownFields, field =>
    {
        var key = field.Length > 0 ? char.ToLowerInvariant(field[0]) + field[1..] : field;
        // "fallbackModels[1]" is about the list, which has one place for its messages.
        return key.StartsWith("fallbackModels[", StringComparison.OrdinalIgnoreCase) ? "fallbackModels" : key;
    });

    private static readonly string[] KnownFields =
        ["name", "emoji", "description", "prompt", "model", "fallbackModels", "monthlyBudget", "tools", "notify", "missedRuns", "schedule.kind", "schedule.everyMinutes", "schedule.cron", "schedule.timeZone", "schedule.afterBotId", "mcpServers", "mcpTools"];
}

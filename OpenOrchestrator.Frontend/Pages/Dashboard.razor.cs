using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>The seed's dashboard: the bot cards, the links between them, recent activity. Kept current by the live hub.</summary>
public sealed partial class Dashboard : IDisposable
{
    private List<BotView>? _bots;
    private List<TriggerView> _triggers = [];
    private readonly HashSet<string> _busy = [];
    private string? _error;

    private readonly SnapshotThenDeltas _live = new();

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private ActivityFeed Feed { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Live.BotChanged += OnBotChanged;
        Live.BotDeleted += OnBotDeleted;
        Live.Reconnected += OnReconnected;
        Feed.Changed += OnFeedChanged;
        await Task.WhenAll(LoadAsync(), Feed.EnsureLoadedAsync());
    }

    public void Dispose()
    {
        Live.BotChanged -= OnBotChanged;
        Live.BotDeleted -= OnBotDeleted;
        Live.Reconnected -= OnReconnected;
        Feed.Changed -= OnFeedChanged;
    }

    private async Task LoadAsync()
    {
        try
        {
            await _live.ReadAsync(
                async () =>
                {
                    var bots = Api.ListBotsAsync();
                    var triggers = Api.ListTriggersAsync();
                    return (Bots: await bots, Triggers: await triggers);
                },
                read => (_bots, _triggers, _error) = ([.. read.Bots], [.. read.Triggers], null));
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private string? AfterName(BotView bot) =>
        bot.Schedule is { Kind: ScheduleKinds.After, AfterBotId: { } id } ? _bots?.FirstOrDefault(b => b.Id == id)?.Name : null;

    private async Task NewBotAsync()
    {
        if (await BotDialog.ShowAsync(Dialogs, Api, _bots ?? []) is { } bot)
        {
            Upsert(bot);
            Snackbar.Add(L["BotReady", bot.Name], Severity.Success);
        }
    }

    private async Task FromTemplateAsync()
    {
        var reference = await Dialogs.ShowAsync<TemplatesDialog>(L["StartFromTemplate"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        if (await reference.Result is { Canceled: false, Data: TemplateInstance instance })
        {
            foreach (var bot in instance.Bots) Upsert(bot);
            _triggers.AddRange(instance.Triggers.Where(t => _triggers.All(x => x.Id != t.Id)));
            Snackbar.Add(L["CreatedBots", string.Join(", ", instance.Bots.Select(b => b.Name))], Severity.Success);
        }
    }

    private async Task RunAsync(BotView bot)
    {
        await WhileBusyAsync(bot.Id, async () =>
        {
            await Api.StartRunAsync(bot.Id);
            Snackbar.Add(L["BotStarted", bot.Name], Severity.Info);
        });
    }

    private async Task SetAutoAsync((BotView Bot, bool Enabled) change)
    {
        await WhileBusyAsync(change.Bot.Id, async () =>
        {
            Upsert(await Api.UpdateBotAsync(change.Bot.Id, change.Bot.ToSpec() with { Enabled = change.Enabled }));
            Snackbar.Add(change.Enabled ? L["BotRunsByItself", change.Bot.Name] : L["BotPaused", change.Bot.Name], Severity.Info);
        });
    }

    private async Task NewLinkAsync()
    {
        var parameters = new DialogParameters<LinkDialog> { { d => d.Bots, _bots ?? [] } };
        var reference = await Dialogs.ShowAsync<LinkDialog>(L["NewLink"],
 parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        if (await reference.Result is { Canceled: false, Data: TriggerView trigger })
        {
            _triggers.Add(trigger);
        }
    }

    private async Task DeleteLinkAsync(TriggerView trigger)
    {
        try
        {
            await Api.DeleteTriggerAsync(trigger.Id);
            _triggers.Remove(trigger);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }

    private async Task WhileBusyAsync(string botId, Func<Task> action)
    {
        _busy.Add(botId);
        try
        {
            await action();
        }
        catch (ApiException e) when (e.Problem.IsBudgetExceeded)
        {
            // The server's sentence says which budget ran out; it stays until read.
            Snackbar.Add(e.Message, Severity.Warning, options => options.RequireInteraction = true);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _busy.Remove(botId);
        }
    }

    private void Upsert(BotView bot)
    {
        if (_bots is null)
        {
            return;
        }

        var index = _bots.FindIndex(b => b.Id == bot.Id);
        if (index >= 0) _bots[index] = bot;
        else _bots.Add(bot);
    }

    private void OnBotChanged(BotView bot) => _ = InvokeAsync(() =>
    {
        _live.Apply(() => Upsert(bot));
        StateHasChanged();
    });

    private void OnBotDeleted(string id) => _ = InvokeAsync(() =>
    {
        _live.Apply(() =>
        {
            _bots?.RemoveAll(b => b.Id == id);
            _triggers.RemoveAll(t => t.SourceBotId == id || t.TargetBotId == id);
        });
        StateHasChanged();
    });

    private void OnReconnected() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private void OnFeedChanged() => _ = InvokeAsync(StateHasChanged);
}

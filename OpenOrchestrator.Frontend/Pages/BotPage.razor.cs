using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>The seed's bot detail page: header with Run now and settings, four stat tiles, results, the live log and runs, web hooks, documents.</summary>
public sealed partial class BotPage : IAsyncDisposable
{
    private BotView? _bot;
    private IReadOnlyList<BotView> _allBots = [];
    private Dictionary<string, string> _botNames = [];
    private RunsPanel? _runs;
    private bool _notFound;
    private bool _starting;
    private string? _error;
    private string? _watching;
    private readonly SnapshotThenDeltas _live = new();

    // Stays on the page until closed, unlike a snackbar: the user has to decide what to do about it.
    private string? _budgetProblem;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    protected override void OnInitialized()
    {
        Live.BotChanged += OnBotChanged;
        Live.BotDeleted += OnBotDeleted;
        Live.Reconnected += OnReconnected;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_watching != Id)
        {
            if (_watching is not null) await Live.UnwatchAsync(_watching);
            _watching = Id;
            _bot = null;
            await LoadAsync();
            await Live.WatchAsync(Id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Live.BotChanged -= OnBotChanged;
        Live.BotDeleted -= OnBotDeleted;
        Live.Reconnected -= OnReconnected;
        if (_watching is not null)
        {
            await Live.UnwatchAsync(_watching);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            await _live.ReadAsync(() => Api.ListBotsAsync(), bots =>
            {
                _allBots = bots;
                _botNames = bots.ToDictionary(b => b.Id, b => $"{b.Emoji} {b.Name}");
                _bot = bots.FirstOrDefault(b => b.Id == Id);
                _notFound = _bot is null;
                _error = null;
            });
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private string? AfterName(BotView bot) =>
        bot.Schedule is { Kind: ScheduleKinds.After, AfterBotId: { } id } ? _allBots.FirstOrDefault(b => b.Id == id)?.Name : null;

    private static string Summary(BotView bot)
    {
        var text = string.IsNullOrWhiteSpace(bot.Description) ? bot.Prompt : bot.Description!;
        return text.Length > 220 ? text[..220] + "…" : text;
    }

    private Task RunAsync() => StartAsync(null);

    private async Task RunWithInputAsync()
    {
        if (_bot is not null && await RunInputDialog.AskAsync(Dialogs, _bot.Name) is { } input)
        {
            await StartAsync(input);
        }
    }

    private Task DigestAsync() => _bot is null ? Task.CompletedTask : DigestDialog.ShowAsync(Dialogs, _bot);

    private async Task StartAsync(string? input)
    {
        _starting = true;
        _budgetProblem = null;
        try
        {
            _runs?.Started(await Api.StartRunAsync(Id, input));
        }
        catch (ApiException e) when (e.Problem.IsBudgetExceeded)
        {
            _budgetProblem = e.Message;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task EditAsync()
    {
        if (_bot is not null && await BotDialog.ShowAsync(Dialogs, Api, _allBots, _bot) is { } saved)
        {
            _bot = saved;
            _budgetProblem = null;
            Snackbar.Add(L["Saved"], Severity.Success);

        }
    }

    private async Task DeleteAsync()
    {
        if (_bot is not { } bot)
        {
            return;
        }

        try
        {
            // Read now, not at load: the links may have changed since, and the question must name them all.
            var (bots, triggers) = (Api.ListBotsAsync(), Api.ListTriggersAsync());
            if (!await DeleteBotDialog.AskAsync(Dialogs, bot, BotDependents.Of(bot, await bots, await triggers)))
            {
                return;
            }

            await Api.DeleteBotAsync(bot.Id);
            Navigation.NavigateTo("");
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }

    private void OnBotChanged(BotView bot) => _ = InvokeAsync(() =>
    {
        if (bot.Id == Id)
        {
            _live.Apply(() => (_bot, _notFound) = (bot, false));
            StateHasChanged();
        }
    });

    /// <summary>Whatever happened while the connection was down (a restart ends running runs as interrupted) is read again.</summary>
    private void OnReconnected() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private void OnBotDeleted(string id) => _ = InvokeAsync(() =>
    {
        if (id == Id)
        {
            _live.Apply(() => (_bot, _notFound) = (null, true));
            StateHasChanged();
        }
    });
}

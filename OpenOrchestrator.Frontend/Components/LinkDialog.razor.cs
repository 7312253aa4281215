using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The link editor: when a bot completes, fails or reports a result, start another bot or send a notification.</summary>
public sealed partial class LinkDialog
{
    private string _source = "";
    private string _event = TriggerEvents.Completed;
    private string _target = "";
    private int? _maxDepth;
    private string? _general;
    private bool _saving;
    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ApiClient Api { get; set; } = default!;
    [Parameter] public IReadOnlyList<BotView> Bots { get; set; } = [];

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private IReadOnlyList<ChannelStatus> _channels = [];

    protected override async Task OnInitializedAsync() => _channels = await Api.TryListChannelsAsync();

    private string? Missing(string channel) => _channels.FirstOrDefault(c => c.Channel == channel && !c.Ready)?.Missing;

    /// <summary>A way out that cannot deliver yet says so in its option, and its reason below once chosen.</summary>
    private string Choice(string label, string channel) => Missing(channel) is null ? label : L["NotSetUp", label];

    private string? TargetMissing => _target switch
    {
        TargetActions.NotifyTelegram => Missing(NotifyChannels.Telegram),
        TargetActions.NotifyEmail => Missing(NotifyChannels.Email),
        _ => null,
    };

    private string AtLeastOne => L["AtLeastOne"];

    /// <summary>A depth below 1 is told at once, beside the field.</summary>
    private void MaxDepthChanged()
    {
        if (_maxDepth is < 1) _errors["maxDepth"] = AtLeastOne;
        else _errors.Remove("maxDepth");
    }

    /// <summary>The server names the bots of a cycle by id; people know them by name.</summary>
    private string WithNames(string text) => Bots.Aggregate(text, (t, bot) => t.Replace(bot.Id, $"{bot.Emoji} {bot.Name}", StringComparison.Ordinal));

    private async Task SaveAsync()
    {
        _errors = new(StringComparer.OrdinalIgnoreCase);
        _general = null;
        if (_source.Length == 0) _errors["sourceBotId"] = L["ChooseSource"];
        if (_target.Length == 0) _errors["targetBotId"] = L["ChooseTarget"];

        if (_maxDepth is < 1) _errors["maxDepth"] = AtLeastOne;
        if (_errors.Count > 0)
        {
            return;
        }

        var toBot = _target.StartsWith("bot:", StringComparison.Ordinal);
        var spec = new TriggerSpec
        {
            SourceBotId = _source,
            Event = _event,
            TargetBotId = toBot ? _target[4..] : null,
            TargetAction = toBot ? TargetActions.Start : _target,
            Enabled = true,
            MaxDepth = _maxDepth,
        };
        _saving = true;
        try
        {
            Dialog.Close(DialogResult.Ok(await Api.CreateTriggerAsync(spec)));
        }
        catch (ApiException e)
        {
            foreach (var (field, messages) in e.Problem.Errors)
            {
                _errors[field] = string.Join(" ", messages);
            }

            // 409: the link would close a cycle; the server names it.
            _general = e.Problem.Status == HttpStatusCode.Conflict ? WithNames($"{e.Problem.Title} {e.Problem.Detail}") : e.Problem.Errors.Count == 0 ? e.Problem.Message : null;
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
}

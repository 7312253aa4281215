using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>Links the user's Telegram chat: a code to send as /start CODE (or a t.me link), then a check that stores the chat.</summary>
public sealed partial class TelegramLink
{
    private TelegramLinkCode? _code;
    private string? _linkedChat;
    private string? _problem;
    private bool _busy;

    [Inject] private ApiClient Api { get; set; } = default!;

    /// <summary>The settings after linking, with the new chat id.</summary>
    [Parameter] public EventCallback<SettingsView> Linked { get; set; }

    private Task GetCodeAsync() => RunAsync(async () =>
    {
        _code = await Api.CreateTelegramLinkCodeAsync();
        _linkedChat = null;
    });

    private Task CheckAsync() => RunAsync(async () =>
    {
        var settings = await Api.CheckTelegramLinkAsync();
        _code = null;
        _linkedChat = settings.TelegramChatId;
        await Linked.InvokeAsync(settings);
    });

    private async Task RunAsync(Func<Task> call)
    {
        _busy = true;
        _problem = null;
        try
        {
            await call();
        }
        catch (ApiException e)
        {
            _problem = e.Problem.Message;
        }
        catch (HttpRequestException e)
        {
            _problem = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}

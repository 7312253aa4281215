using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>The user's settings. Secrets are write-only: the page shows whether each is set, never its value.</summary>
public sealed partial class SettingsPage
{
    // The API's field names, as its validation errors key them.
    private const string OpenAiKey = "openAiApiKey";
    private const string AnthropicKey = "anthropicApiKey";
    private const string TelegramToken = "telegramBotToken";
    private const string TelegramChat = "telegramChatId";
    private const string EmailField = "email";
    private const string BudgetField = "monthlyBudget";

    private SettingsView? _settings;
    private string _openAiKey = "";
    private string _anthropicKey = "";
    private string _telegramToken = "";
    private string _telegramChatId = "";
    private string _email = "";
    private double? _monthlyBudget;
    private MailboxDraft _mailbox = new();
    private readonly HashSet<string> _clear = [];
    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private string? _loadError;
    private string? _error;
    private bool _saving;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            Show(await Api.GetSettingsAsync());
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _loadError = e.Message;
        }
    }

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private void Mark(string secret, bool clear)
    {
        if (clear) _clear.Add(secret);
        else _clear.Remove(secret);
    }

    private void Show(SettingsView settings)
    {
        _settings = settings;
        _telegramChatId = settings.TelegramChatId ?? "";
        _email = settings.Email ?? "";
        _monthlyBudget = settings.MonthlyBudget;
        _mailbox = MailboxDraft.From(settings.Imap);
        _openAiKey = _anthropicKey = _telegramToken = "";
        _clear.Clear();
    }

    /// <summary>Only the chat changes: what the user typed into the other fields stays.</summary>
    private void OnTelegramLinked(SettingsView settings)
    {
        _settings = _settings! with { TelegramChatId = settings.TelegramChatId };
        _telegramChatId = settings.TelegramChatId ?? "";
        _errors.Remove(TelegramChat);
    }

    /// <summary>A secret left empty is not sent (null keeps it); "clear" sends an empty string.</summary>
    private string? Secret(string name, string typed) => _clear.Contains(name) ? "" : string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    /// <summary>The API keeps a budget it is sent null for; emptying the field means "no budget", which it calls 0.</summary>
    private double? BudgetUpdate() => _monthlyBudget ?? (_settings?.MonthlyBudget is null ? null : 0);

    private async Task SaveAsync()
    {
        _errors = new(StringComparer.OrdinalIgnoreCase);
        _error = null;
        _saving = true;
        try
        {
            var update = new SettingsUpdate(_telegramChatId.Trim(), _email.Trim(),
                Secret(OpenAiKey, _openAiKey), Secret(AnthropicKey, _anthropicKey), Secret(TelegramToken, _telegramToken))
            {
                MonthlyBudget = BudgetUpdate(),
                Imap = _mailbox.ToUpdate(),
            };
            Show(await Api.UpdateSettingsAsync(update));
            Snackbar.Add(L["SettingsSaved"], Severity.Success);

        }
        catch (ApiException e)
        {
            foreach (var (field, messages) in e.Problem.Errors)
            {
                _errors[field] = string.Join(" ", messages);
            }

            _error = e.Problem.Errors.Count == 0 ? e.Problem.Message : null;
        }
        catch (HttpRequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}

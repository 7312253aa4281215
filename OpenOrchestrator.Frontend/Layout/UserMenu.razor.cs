using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>The signed-in user's menu: usage and cost, settings, light or dark, the language, sign out.</summary>
public sealed partial class UserMenu
{
    [Inject] private SessionStateProvider Session { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Appearance Appearance { get; set; } = default!;
    [Inject] private Language Language { get; set; } = default!;

    private (AppearanceMode Mode, string Label)[] Modes =>
        [(AppearanceMode.System, L["ThemeSystem"]), (AppearanceMode.Light, L["ThemeLight"]), (AppearanceMode.Dark, L["ThemeDark"])];

    // "English" and "Deutsch" are not translated: a language is found by its own name.
    private (string? Language, string Label)[] Languages => [(null, L["LanguageBrowser"]), ("en", "Language: English"), ("de", "Sprache: Deutsch")];

    [Parameter] public string? Email { get; set; }

    private async Task SignOutAsync()
    {
        try
        {
            await Session.SignOutAsync();
            Navigation.NavigateTo("signin");
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Snackbar.Add(L["StillSignedIn", e.Message], Severity.Error);
        }
    }

    /// <summary>Blazor WebAssembly loads a language's texts at start: the new one applies from a reload.</summary>
    private async Task ChooseLanguageAsync(string? language)
    {
        if (language == Language.Choice)
        {
            return;
        }

        await Language.ChooseAsync(language);
        Navigation.Refresh(forceReload: true);
    }

}

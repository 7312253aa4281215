using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>The signed-in user's menu: usage and cost, settings, light or dark, sign out.</summary>
public sealed partial class UserMenu
{
    [Inject] private SessionStateProvider Session { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Appearance Appearance { get; set; } = default!;

    private static readonly (AppearanceMode Mode, string Label)[] Modes =
        [(AppearanceMode.System, "Theme: as the system"), (AppearanceMode.Light, "Theme: light"), (AppearanceMode.Dark, "Theme: dark")];

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
            Snackbar.Add($"You are still signed in: the server could not be told ({e.Message}).", Severity.Error);
        }
    }
}

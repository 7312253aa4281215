using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>The signed-in user's menu: usage and cost, settings, sign out.</summary>
public sealed partial class UserMenu
{
    [Inject] private SessionStateProvider Session { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

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

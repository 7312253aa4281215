using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>The header and the frame; starts the live connection and the activity feed while a user is signed in.</summary>
public sealed partial class MainLayout : IDisposable
{
    private static readonly MudTheme Theme = new()
    {
        // MudBlazor's warning text (#ff9800 darkened a little) on its pale background is under 3:1; this is 5.6:1.
        PaletteLight = new PaletteLight { Primary = "#3949ab", AppbarBackground = "#283593", WarningDarken = "#975400" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };

    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private ActivityFeed Feed { get; set; } = default!;
    [Inject] private NotificationFeed Notifications { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Auth.AuthenticationStateChanged += OnAuthenticationChanged;
        await ApplyAsync(await Auth.GetAuthenticationStateAsync());
    }

    public void Dispose() => Auth.AuthenticationStateChanged -= OnAuthenticationChanged;

    private async void OnAuthenticationChanged(Task<AuthenticationState> state)
    {
        try
        {
            await ApplyAsync(await state);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            // The feed shows its own error; the header stays usable.
        }
    }

    private async Task ApplyAsync(AuthenticationState state)
    {
        if (state.User.Identity?.IsAuthenticated == true)
        {
            await Live.StartAsync();
            await Task.WhenAll(Feed.ReloadAsync(), Notifications.ReloadAsync());
        }
        else
        {
            await Live.StopAsync();
            Feed.Clear();
            Notifications.Clear();
        }
    }
}

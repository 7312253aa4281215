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
        // Indigo lightened for dark surfaces; "darken" variants are what text in those colours uses, so on dark they are light.
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da",
            PrimaryContrastText = "#14162e",
            AppbarBackground = "#1c1f3b",
            Background = "#18181f",
            Surface = "#23232c",
            WarningDarken = "#ffb74d",
            SuccessDarken = "#2e7d32",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };

    // Native controls (selects, scrollbars) follow the page's scheme; the few colours the palette has no word for
    // (good and bad news as text, a selected row) are set per scheme here, and the .razor.css files use the variables.
    private const string LightRoot = "<style>:root { color-scheme: light; --oo-positive: #2e7d32; --oo-negative: #b71c1c; --oo-selected: #eceef9; }</style>";
    private const string DarkRoot = "<style>:root { color-scheme: dark; --oo-positive: #81c784; --oo-negative: #ef9a9a; --oo-selected: #2e3050; }</style>";

    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private ActivityFeed Feed { get; set; } = default!;
    [Inject] private NotificationFeed Notifications { get; set; } = default!;
    [Inject] private Appearance Appearance { get; set; } = default!;

    private MudThemeProvider? _themeProvider;
    private bool _systemDark;

    private bool Dark => Appearance.IsDark(_systemDark);

    protected override void OnInitialized()
    {
        Auth.AuthenticationStateChanged += OnAuthenticationChanged;
        Appearance.Changed += OnAppearanceChanged;
    }

    /// <summary>The page is on screen first; the live connection and the header's feeds follow it.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        if (_themeProvider is not null)
        {
            await Appearance.LoadAsync();
            _systemDark = await _themeProvider.GetSystemDarkModeAsync();
            await _themeProvider.WatchSystemDarkModeAsync(SystemDarkModeChanged);
            StateHasChanged();
        }

        await ApplyAsync(await Auth.GetAuthenticationStateAsync());
    }

    public void Dispose()
    {
        Auth.AuthenticationStateChanged -= OnAuthenticationChanged;
        Appearance.Changed -= OnAppearanceChanged;
    }

    private Task SystemDarkModeChanged(bool dark)
    {
        _systemDark = dark;
        return InvokeAsync(StateHasChanged);
    }

    private void OnAppearanceChanged() => _ = InvokeAsync(StateHasChanged);

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
            // The dashboard may have asked for the activity already: one request between them.
            await Task.WhenAll(Feed.EnsureLoadedAsync(), Notifications.ReloadAsync());
        }
        else
        {
            await Live.StopAsync();
            Feed.Clear();
            Notifications.Clear();
        }
    }
}

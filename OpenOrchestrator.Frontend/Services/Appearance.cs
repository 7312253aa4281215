using Microsoft.JSInterop;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>Light, dark, or as the system says (the default): the user menu's choice, kept in this browser's localStorage.</summary>
public sealed class Appearance(IJSRuntime js)
{
    public const string StorageKey = "oo-appearance";

    public AppearanceMode Mode { get; private set; } = AppearanceMode.System;

    /// <summary>Raised when the user picks another mode.</summary>
    public event Action? Changed;

    public async Task LoadAsync()
    {
        try
        {
            var stored = await js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
            Mode = Enum.TryParse<AppearanceMode>(stored, ignoreCase: true, out var mode) ? mode : AppearanceMode.System;
        }
        catch (JSException)
        {
            // Storage may be off (a private window with strict settings): follow the system.
            Mode = AppearanceMode.System;
        }
    }

    public async Task SetAsync(AppearanceMode mode)
    {
        Mode = mode;
        Changed?.Invoke();
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", StorageKey, mode.ToString());
        }
        catch (JSException)
        {
            // Not remembered, but applied for this visit.
        }
    }

    /// <summary>Whether the page is dark, given what the system prefers.</summary>
    public bool IsDark(bool systemDark) => Mode switch
    {
        AppearanceMode.Dark => true,
        AppearanceMode.Light => false,
        _ => systemDark,
    };
}

public enum AppearanceMode
{
    System,
    Light,
    Dark,
}

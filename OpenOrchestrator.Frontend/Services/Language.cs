using System.Globalization;
using Microsoft.JSInterop;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// English or German: as the browser asks (the default) or as the user menu chose, kept in this browser's localStorage.
/// The culture is set once before the app renders; a new choice reloads the page, as Blazor WebAssembly loads a
/// language's resources only at start.
/// </summary>
public sealed class Language(IJSRuntime js)
{
    public const string StorageKey = "oo-language";

    /// <summary>"en" or "de" when the user chose one, null to follow the browser.</summary>
    public string? Choice { get; private set; }

    /// <summary>Reads the choice and the browser's languages, sets the culture for the whole app and the page's lang.</summary>
    public async Task ApplyAsync()
    {
        string[] browser;
        try
        {
            Choice = Known(await js.InvokeAsync<string?>("localStorage.getItem", StorageKey));
            browser = await js.InvokeAsync<string[]>("ooLanguage.browser");
        }
        catch (JSException)
        {
            // Storage may be off (a private window with strict settings): English, as the app was.
            browser = [];
        }

        var culture = Pick(Choice, browser);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await js.InvokeVoidAsync("ooLanguage.setPage", culture.TwoLetterISOLanguageName);
    }

    /// <summary>Remembers the choice (null: as the browser); the caller reloads the page to apply it.</summary>
    public async Task ChooseAsync(string? choice)
    {
        Choice = Known(choice);
        try
        {
            await (Choice is null
                ? js.InvokeVoidAsync("localStorage.removeItem", StorageKey)
                : js.InvokeVoidAsync("localStorage.setItem", StorageKey, Choice));
        }
        catch (JSException)
        {
            // Not remembered: the reload falls back to the browser's language.
        }
    }

    /// <summary>
    /// The chosen language in its usual region, else the browser's first English or German one as it names it
    /// (en-GB keeps its own date formats; de-AT and de-CH format as Germany does, the only German region the app's ICU
    /// shard holds), else English.
    /// </summary>
    public static CultureInfo Pick(string? choice, IEnumerable<string> browser)
    {
        if (Known(choice) is { } chosen)
        {
            return CultureInfo.GetCultureInfo(chosen == "de" ? "de-DE" : "en-US");
        }

        foreach (var tag in browser)
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(tag);
                if (Known(culture.TwoLetterISOLanguageName) is not null)
                {
                    return culture.IsNeutralCulture ? Pick(culture.TwoLetterISOLanguageName, []) : culture;
                }
            }
            catch (CultureNotFoundException)
            {
                // A tag this runtime does not know: try the next one.
            }
        }

        return CultureInfo.GetCultureInfo("en-US");
    }

    private static string? Known(string? language) => language is "en" or "de" ? language : null;
}

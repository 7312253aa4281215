using Microsoft.JSInterop;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>The browser's localStorage, for the little the UI remembers per device (the bell's last opening).</summary>
public sealed class LocalStore(IJSRuntime js)
{
    public async Task<string?> GetAsync(string key)
    {
        try
        {
            return await js.InvokeAsync<string?>("localStorage.getItem", key);
        }
        catch (JSException)
        {
            return null;
        }
    }

    public async Task SetAsync(string key, string value)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", key, value);
        }
        catch (JSException)
        {
            // Private browsing may refuse storage; the bell then forgets on reload, nothing worse.
        }
    }

    public async Task RemoveAsync(string key)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.removeItem", key);
        }
        catch (JSException)
        {
            // As above.
        }
    }
}

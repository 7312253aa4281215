using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The signed-in user as the identity cookie says (GET /api/auth/manage/info). The cookie is
/// HttpOnly, so the server alone knows; any 401 from the API turns the UI to signed out.
/// </summary>
public sealed class SessionStateProvider : AuthenticationStateProvider
{
    private const string SignedOutKey = "oo.signedOut";
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly ApiClient _api;
    private readonly LocalStore _store;
    private Task<AuthenticationState>? _current;

    public SessionStateProvider(ApiClient api, LocalStore store)
    {
        _api = api;
        _store = store;
        _api.Unauthorized += () => Set(Task.FromResult(Anonymous));
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _current ??= LoadAsync();

    public async Task SignInAsync(string email, string password)
    {
        await _api.SignInAsync(email, password);
        await _store.RemoveAsync(SignedOutKey);
        Set(LoadAsync());
        await _current!;
    }

    /// <summary>
    /// Ends the session on the server if it offers a sign-out route; without one the cookie stays
    /// valid, so the browser also remembers the choice and shows the sign-in page until the next sign-in.
    /// </summary>
    public async Task<bool> SignOutAsync()
    {
        var serverSignedOut = true;
        try
        {
            await _api.SignOutAsync();
        }
        catch (ApiException)
        {
            serverSignedOut = false;
        }
        catch (HttpRequestException)
        {
            serverSignedOut = false;
        }

        await _store.SetAsync(SignedOutKey, "1");
        Set(Task.FromResult(Anonymous));
        return serverSignedOut;
    }

    private void Set(Task<AuthenticationState> state)
    {
        _current = state;
        NotifyAuthenticationStateChanged(state);
    }

    private async Task<AuthenticationState> LoadAsync()
    {
        if (await _store.GetAsync(SignedOutKey) is "1")
        {
            return Anonymous;
        }

        try
        {
            var info = await _api.GetUserInfoAsync();
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, info.Email), new Claim(ClaimTypes.Email, info.Email)], "cookie");
            return new AuthenticationState(new ClaimsPrincipal(identity));
        }
        catch (ApiException)
        {
            return Anonymous;
        }
        catch (HttpRequestException)
        {
            return Anonymous;
        }
    }
}

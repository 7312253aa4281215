using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The signed-in user as the identity cookie says (GET /api/auth/manage/info). The cookie is
/// HttpOnly, so the server alone knows; any 401 from the API turns the UI to signed out.
/// </summary>
public sealed class SessionStateProvider : AuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly ApiClient _api;
    private Task<AuthenticationState>? _current;

    public SessionStateProvider(ApiClient api)
    {
        _api = api;
        _api.Unauthorized += () => Set(Task.FromResult(Anonymous));
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _current ??= LoadAsync();

    public async Task SignInAsync(string email, string password)
    {
        await _api.SignInAsync(email, password);
        Set(LoadAsync());
        await _current!;
    }

    /// <summary>Ends the cookie session on the server (POST /api/auth/logout); if that fails the user stays signed in and is told why.</summary>
    public async Task SignOutAsync()
    {
        await _api.SignOutAsync();
        Set(Task.FromResult(Anonymous));
    }

    private void Set(Task<AuthenticationState> state)
    {
        _current = state;
        NotifyAuthenticationStateChanged(state);
    }

    private async Task<AuthenticationState> LoadAsync()
    {
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

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace OpenOrchestrator.Frontend.Pages;

public sealed partial class SignIn
{
    private string _email = "";
    private string _password = "";
    private string? _error;
    private bool _busy;

    [Inject] private SessionStateProvider Session { get; set; } = default!;
    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }
    [SupplyParameterFromQuery] public string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthState is not null && (await AuthState).User.Identity?.IsAuthenticated == true)
        {
            Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), replace: true);
            return;
        }

        // A new instance has no account to sign in to: its first visitor creates the owner's.
        try
        {
            if ((await Api.GetRegistrationAsync()).FirstAccount)
            {
                Navigation.NavigateTo("signup", replace: true);
            }
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            // Signing in stays possible; the form says what is wrong when it is used.
        }
    }

    private async Task SubmitAsync()
    {
        if (string.IsNullOrWhiteSpace(_email) || string.IsNullOrEmpty(_password))
        {
            _error = L["EnterEmailAndPassword"];
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            await Session.SignInAsync(_email.Trim(), _password);
            Navigation.NavigateTo(SafeReturnUrl(ReturnUrl));
        }
        catch (ApiException e)
        {
            _error = e.Problem.Status == System.Net.HttpStatusCode.Unauthorized ? L["WrongEmailOrPassword"] : e.Problem.Message;

        }
        catch (HttpRequestException)
        {
            _error = ApiClient.Unreachable;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Only a path inside the app: never an absolute URL from the query string.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || returnUrl.Contains("//", StringComparison.Ordinal) || returnUrl.Contains(':', StringComparison.Ordinal) || returnUrl.StartsWith("signin", StringComparison.OrdinalIgnoreCase)
            ? "" : returnUrl.TrimStart('/');
}

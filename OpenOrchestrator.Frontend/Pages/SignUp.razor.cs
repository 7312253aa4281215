using System.Net;
using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>
/// Registration. The first account registers freely; after it the server may ask for an
/// invitation (403), and then the invitation field appears (or is there at once with ?invitation=).
/// </summary>
public sealed partial class SignUp
{
    private string _email = "";
    private string _password = "";
    private string? _error;
    private bool _busy;
    private bool _done;
    private bool _needsInvitation;
    private Dictionary<string, string> _errors = [];

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private SessionStateProvider Session { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [SupplyParameterFromQuery] public string? Invitation { get; set; }

    private bool _firstAccount;

    protected override async Task OnInitializedAsync()
    {
        _needsInvitation = !string.IsNullOrEmpty(Invitation);
        try
        {
            var registration = await Api.GetRegistrationAsync();
            _firstAccount = registration.FirstAccount;
            _needsInvitation |= registration.NeedsInvitation;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            // The server asks for an invitation when one is needed; the field appears then.
        }
    }

    private string? Error(string field) => _errors.GetValueOrDefault(field);

    private async Task SubmitAsync()
    {
        _errors = [];
        _error = null;
        if (string.IsNullOrWhiteSpace(_email)) _errors["email"] = L["EnterEmail"];
        if (string.IsNullOrEmpty(_password)) _errors["password"] = L["ChoosePassword"];
        if (_needsInvitation && string.IsNullOrWhiteSpace(Invitation)) _error = L["EnterInvitation"];
        if (_errors.Count > 0 || _error is not null)
        {
            return;
        }

        _busy = true;
        try
        {
            await Api.RegisterAsync(_email.Trim(), _password, _needsInvitation ? Invitation : null);
            _done = true;
            await Session.SignInAsync(_email.Trim(), _password);
            Navigation.NavigateTo("");
        }
        catch (ApiException) when (_done)
        {
            // The server answers a taken address as it answers a new one (so no one can probe who
            // has an account); signing in is where its owner finds out.
            _done = false;
            _error = L["CouldNotSignIn"];
        }
        catch (ApiException e)
        {
            Show(e.Problem);
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

    /// <summary>Identity's errors come keyed by codes (PasswordTooShort, DuplicateEmail…); they land beside the field they are about.</summary>
    private void Show(Problem problem)
    {
        if (problem.Status == HttpStatusCode.Forbidden && problem.Title.Contains("invitation", StringComparison.OrdinalIgnoreCase))
        {
            _error = _needsInvitation
                ? L["InvitationInvalid"]
                : L["InvitationNeeded"];

            _needsInvitation = true;
            return;
        }

        foreach (var (code, messages) in problem.Errors)
        {
            var field = code.StartsWith("Password", StringComparison.OrdinalIgnoreCase) ? "password"
                : code.Contains("Email", StringComparison.OrdinalIgnoreCase) || code.Contains("UserName", StringComparison.OrdinalIgnoreCase) ? "email"
                : null;
            if (field is null)
            {
                _error = string.Join(" ", [_error, .. messages]).Trim();
            }
            else
            {
                _errors[field] = string.Join(" ", [.. _errors.GetValueOrDefault(field) is { } before ? [before] : Array.Empty<string>(), .. messages]);
            }
        }

        if (problem.Errors.Count == 0)
        {
            _error = problem.Message;
        }
    }
}

namespace OpenOrchestrator.Frontend.Services;

/// <summary>Links, activity, models, settings, and the identity endpoints.</summary>
public partial class ApiClient
{
    public Task<IReadOnlyList<TriggerView>> ListTriggersAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TriggerView>>("api/triggers", cancellationToken);

    public Task<TriggerView> CreateTriggerAsync(TriggerSpec spec) => SendAsync<TriggerView>(HttpMethod.Post, "api/triggers", spec);

    public Task DeleteTriggerAsync(string id) => SendAsync(HttpMethod.Delete, $"api/triggers/{Esc(id)}");

    public Task<IReadOnlyList<TemplateView>> ListTemplatesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TemplateView>>("api/templates", cancellationToken);

    public Task<TemplateInstance> CreateFromTemplateAsync(string id) => SendAsync<TemplateInstance>(HttpMethod.Post, $"api/templates/{Esc(id)}", null);

    public Task<ActivityPage> ListActivityAsync(int limit = 30, long? before = null, CancellationToken cancellationToken = default) =>
        GetAsync<ActivityPage>(before is { } cursor ? $"api/activity?limit={limit}&before={cursor}" : $"api/activity?limit={limit}", cancellationToken);

    public Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ModelInfo>>("api/models", cancellationToken);

    public Task<SettingsView> GetSettingsAsync(CancellationToken cancellationToken = default) => GetAsync<SettingsView>("api/settings", cancellationToken);

    public Task<SettingsView> UpdateSettingsAsync(SettingsUpdate update) => SendAsync<SettingsView>(HttpMethod.Put, "api/settings", update);

    /// <summary>Tries the mailbox as given (the stored settings under fields left null) and says what is wrong.</summary>
    public Task<ImapTestResult> TestMailboxAsync(ImapSettingsUpdate mailbox) => SendAsync<ImapTestResult>(HttpMethod.Post, "api/settings/imap/test", mailbox);

    public Task<UserInfo> GetUserInfoAsync(CancellationToken cancellationToken = default) => GetAsync<UserInfo>("api/auth/manage/info", cancellationToken);

    public Task SignInAsync(string email, string password) =>
        SendAsync(HttpMethod.Post, "api/auth/login?useCookies=true", new Credentials(email, password));

    public Task RegisterAsync(string email, string password, string? invitation) =>
        SendAsync(HttpMethod.Post, string.IsNullOrWhiteSpace(invitation) ? "api/auth/register" : $"api/auth/register?invitation={Esc(invitation.Trim())}", new Credentials(email, password));

    public Task SignOutAsync() => SendAsync(HttpMethod.Post, "api/auth/logout");

    public Task<RegistrationState> GetRegistrationAsync(CancellationToken cancellationToken = default) =>
        GetAsync<RegistrationState>("api/auth/registration", cancellationToken);
}

/// <summary>The body of the identity API's login and register endpoints.</summary>
public sealed record Credentials(string Email, string Password);

/// <summary>GET /api/auth/manage/info.</summary>
public sealed record UserInfo(string Email, bool IsEmailConfirmed);

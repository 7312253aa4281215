namespace OpenOrchestrator.Frontend.Services;

/// <summary>A bot's web hooks: the URL and signing secret come only in the answer to their creation.</summary>
public partial class ApiClient
{
    public Task<IReadOnlyList<HookView>> ListHooksAsync(string botId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<HookView>>($"api/bots/{Esc(botId)}/hooks", cancellationToken);

    public Task<HookCreated> CreateHookAsync(string botId, HookSpec spec) => SendAsync<HookCreated>(HttpMethod.Post, $"api/bots/{Esc(botId)}/hooks", spec);

    public Task RevokeHookAsync(string hookId) => SendAsync(HttpMethod.Delete, $"api/hooks/{Esc(hookId)}");
}

using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// Every model of every provider (each provider's own list, read with the server's key and kept for
/// <see cref="ModelOptions.ListRefreshMinutes"/>, plus configured ids), which provider serves a model id, and
/// which key a run of a user's bot uses: the user's own first, then the server's.
/// </summary>
public sealed class ModelCatalog(ModelProviders providers, ProviderModelLists lists, ModelPrices prices, SecretStore secrets, IOptions<ModelOptions> options)
{
    public const string FallbackDefault = "gpt-4o-mini";
    public const string SonnetDefault = "claude-sonnet-4-5";

    /// <summary>What GET /api/models answers for this user: each model once, with the provider that serves it.</summary>
    public async Task<IReadOnlyList<ModelInfo>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var byId = await ModelsAsync(cancellationToken);
        var owned = await secrets.NamesAsync(ownerId, cancellationToken);
        var @default = await DefaultAsync(cancellationToken);
        return [.. byId.Select(pair =>
        {
            var price = prices.For(pair.Key);
            return new ModelInfo(pair.Key, pair.Value.Name, pair.Key == @default, price?.Input, price?.Output)
            {
                Missing = Usable(pair.Value, owned) ? null : pair.Value.KeySetting,
            };
        })];
    }

    /// <summary><c>Models__Default</c>; unset, a Claude Sonnet model when Anthropic is set up on the server (the founder's choice), else gpt-4o-mini.</summary>
    public async Task<string> DefaultAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Default is { Length: > 0 } configured)
        {
            return configured;
        }

        if (providers.Named(ModelProvider.Anthropic) is { ServerConfigured: true } anthropic)
        {
            var listed = await lists.GetAsync(anthropic, cancellationToken);
            return listed.Where(id => id.StartsWith("claude-sonnet", StringComparison.Ordinal)).Order(StringComparer.Ordinal).LastOrDefault() ?? SonnetDefault;
        }

        return FallbackDefault;
    }

    /// <summary>The provider that serves <paramref name="model"/>: the first that lists it, else the one its name points to.</summary>
    public async Task<ModelProvider> ProviderOfAsync(string model, CancellationToken cancellationToken)
    {
        var byId = await ModelsAsync(cancellationToken);
        return byId.TryGetValue(model, out var provider) ? provider : Guess(model);
    }

    /// <summary>True when <paramref name="model"/> is one GET /api/models offers.</summary>
    public async Task<bool> OffersAsync(string model, CancellationToken cancellationToken) => (await ModelsAsync(cancellationToken)).ContainsKey(model);

    /// <summary>The key a run of this owner uses with <paramref name="provider"/>; throws with the setting to make when there is none.</summary>
    public async Task<string> KeyForAsync(string ownerId, ModelProvider provider, CancellationToken cancellationToken)
    {
        if (provider.UserSecret is { } name && await secrets.GetAsync(ownerId, name, cancellationToken) is { } own)
        {
            return own;
        }

        return provider.ServerKey ?? (provider.ServerConfigured ? "none" : throw new ModelNotConfiguredException(
            $"No key for {provider.Name}: set {provider.KeySetting}."));
    }

    private volatile Built? _built;

    /// <summary>Every offered id with its provider, built again only when a list changed (every run asks).</summary>
    private async Task<Dictionary<string, ModelProvider>> ModelsAsync(CancellationToken cancellationToken)
    {
        var version = lists.Version;
        var listed = new List<IReadOnlyList<string>>(providers.All.Count);
        foreach (var provider in providers.All)
        {
            // Asked every time: a stale list is read again in the background.
            listed.Add(await lists.GetAsync(provider, cancellationToken));
        }

        if (_built is { } built && built.Version == version)
        {
            return built.ById;
        }

        // The server's own providers first, then the configured ids, then the well-known models of providers only a user's key can reach.
        var byId = new Dictionary<string, ModelProvider>(StringComparer.Ordinal);
        foreach (var configured in new[] { true, false })
        {
            for (var i = 0; i < providers.All.Count; i++)
            {
                if (providers.All[i].ServerConfigured == configured)
                {
                    foreach (var id in providers.All[i].KnownModels.Concat(listed[i]))
                    {
                        byId.TryAdd(id, providers.All[i]);
                    }
                }
            }

            if (configured)
            {
                // Without Models__Default and Anthropic, gpt-4o-mini is the default: on an Azure-only server, a deployment of that name.
                var fallbackDefault = providers.Named(ModelProvider.Anthropic)!.ServerConfigured ? null : FallbackDefault;
                foreach (var id in options.Value.Available.Append(options.Value.Default ?? fallbackDefault).OfType<string>().Where(id => id.Length > 0))
                {
                    byId.TryAdd(id, Guess(id));
                }
            }
        }

        _built = new Built(version, byId);
        return byId;
    }

    private sealed record Built(int Version, Dictionary<string, ModelProvider> ById);

    /// <summary>A configured id no list names: Claude is Anthropic's; otherwise the first OpenAI-style provider the server has.</summary>
    private ModelProvider Guess(string model) =>
        model.StartsWith("claude", StringComparison.OrdinalIgnoreCase) ? providers.Named(ModelProvider.Anthropic)!
        : providers.All.FirstOrDefault(p => p.Kind != ProviderKind.Anthropic && p.ServerConfigured) ?? providers.Named(ModelProvider.OpenAI)!;

    private static bool Usable(ModelProvider provider, IReadOnlySet<string> owned) =>
        provider.ServerConfigured || (provider.UserSecret is { } name && owned.Contains(name));
}

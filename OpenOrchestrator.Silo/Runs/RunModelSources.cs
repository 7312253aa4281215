using Microsoft.Extensions.AI;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Models;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>A model ready to be called for a run: its provider, the chat client with the right key, its price.</summary>
public sealed record RunModelSource(string Model, ModelProvider Provider, IChatClient Client, ModelPrice? Price);

/// <summary>Finds, for a run's owner, where a model is served and with which key.</summary>
public sealed class RunModelSources(ModelCatalog catalog, ChatClients clients, ModelPrices prices)
{
    /// <summary>
    /// The source of <paramref name="model"/>; null (with a log line) when it has no key but another model is left
    /// to try; without one, the run fails naming the setting to make.
    /// </summary>
    public async Task<RunModelSource?> ResolveAsync(RunContext run, string model, bool last, CancellationToken cancellationToken)
    {
        var provider = await catalog.ProviderOfAsync(model, cancellationToken);
        try
        {
            var key = await catalog.KeyForAsync(run.Ticket.OwnerId, provider, cancellationToken);
            return new RunModelSource(model, provider, clients.For(provider, key, model), prices.For(model));
        }
        catch (ModelNotConfiguredException e) when (!last)
        {
            run.Log(LogKinds.Error, $"{model} cannot be used ({e.Message}); trying the next model.");
            return null;
        }
    }
}

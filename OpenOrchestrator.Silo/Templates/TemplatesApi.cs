using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Models;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Templates;

public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization();
        group.MapGet("/", async (ModelCatalog models, CancellationToken cancellationToken) =>
            TypedResults.Ok(TemplateCatalog.All(await models.DefaultAsync(cancellationToken)).Select(t => t.ToView()).ToList()));
        group.MapPost("/{id}", CreateAsync);
        return group;
    }

    /// <summary>Creates the template's bots with their documents, then the links between them, for the signed-in user.</summary>
    private static async Task<Results<Created<TemplateInstance>, NotFound>> CreateAsync(
        string id, CurrentUser user, IGrainFactory grains, DocumentStore documents, OrchestratorDbContext db, BotQueries bots,
        ModelCatalog models, TimeProvider time, CancellationToken cancellationToken)
    {
        if (TemplateCatalog.All(await models.DefaultAsync(cancellationToken)).SingleOrDefault(t => t.Id == id) is not { } template)
        {
            return TypedResults.NotFound();
        }

        var ownerId = user.Id;
        var botIds = new Dictionary<string, string>();
        foreach (var bot in template.Bots)
        {
            var botId = Ids.New();
            await grains.GetGrain<IBotGrain>(botId).CreateAsync(ownerId, bot.Spec);
            botIds[bot.Key] = botId;
            foreach (var (path, content) in bot.Documents)
            {
                await documents.WriteAsync(botId, path, content, cancellationToken);
            }
        }

        // The template's links run from earlier bots to later ones among its own new bots: no cycle, no one else's bot.
        var links = template.Links.Select(link => new TriggerRecord
        {
            Id = Ids.New(),
            OwnerId = ownerId,
            SourceBot = botIds[link.SourceKey],
            Event = link.Event,
            TargetBot = botIds[link.TargetKey],
            CreatedAt = time.GetUtcNow().UtcDateTime,
        }).ToList();
        db.Triggers.AddRange(links);
        await db.SaveChangesAsync(cancellationToken);
        await LinkChanges.TellAsync(grains, links.Select(l => l.SourceBot));

        var views = new List<BotView>();
        foreach (var botId in botIds.Values)
        {
            views.Add((await bots.GetAsync(ownerId, botId, cancellationToken))!);
        }

        return TypedResults.Created("/api/bots", new TemplateInstance(template.Id, views, [.. links.Select(TriggersApi.ToView)]));
    }
}

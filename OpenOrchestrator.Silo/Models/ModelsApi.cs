using OpenOrchestrator.Silo.Api;

namespace OpenOrchestrator.Silo.Models;

public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        group.MapGet("/", async (CurrentUser user, ModelCatalog models, CancellationToken cancellationToken) =>
            TypedResults.Ok(await models.ListAsync(user.Id, cancellationToken)));
        return group;
    }
}


namespace OpenOrchestrator.Silo.Models;

public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        group.MapGet("/", (ModelCatalog models) => TypedResults.Ok(models.List()));
        return group;
    }
}

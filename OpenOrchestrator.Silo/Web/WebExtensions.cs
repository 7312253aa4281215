namespace OpenOrchestrator.Silo.Web;

/// <summary>The dashboard (OpenOrchestrator.Frontend, Blazor WebAssembly) served from the silo, same origin as the API (DESIGN D3).</summary>
public static class WebExtensions
{
    public static WebApplicationBuilder AddWebFrontend(this WebApplicationBuilder builder)
    {
        // The referenced project's files in any environment when run from the build output; a published app has them in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWebFrontend(this WebApplication app)
    {
        app.MapStaticAssets();

        // Every path but the API's and the hub's is a page of the app; an unknown API route stays a 404 problem.
        app.MapFallbackToFile("/", "index.html");
        app.MapFallbackToFile("{*path:regex(^(?!api/|hubs/).*$):nonfile}", "index.html");
        return app;
    }
}

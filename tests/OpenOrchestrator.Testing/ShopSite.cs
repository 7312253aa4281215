using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A small shop for the scout bot: /listings, /item/{id}, plus /redirect?to=, /big?kb= (add &amp;chunked=1 to omit
/// Content-Length) and /slow?ms= for the browser tool's limits.
/// </summary>
public sealed class ShopSite : IAsyncDisposable
{
    /// <summary>Appears only inside the pages' &lt;script&gt;; readable text must not contain it.</summary>
    public const string ScriptText = "SCRIPT_TEXT_SHOULD_BE_DROPPED";

    /// <summary>Appears only inside the pages' &lt;style&gt;; readable text must not contain it.</summary>
    public const string StyleText = "STYLE_TEXT_SHOULD_BE_DROPPED";

    private readonly Lock _gate = new();
    private readonly List<Listing> _listings;
    private LocalHost _host = null!;

    private ShopSite(IEnumerable<Listing> listings) => _listings = [.. listings];

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl => _host.Root;

    public Uri ListingsUrl => new(_host.Root, "listings");

    public IReadOnlyList<Listing> Listings
    {
        get
        {
            lock (_gate)
            {
                return [.. _listings];
            }
        }
    }

    public static async Task<ShopSite> StartAsync(params Listing[] listings)
    {
        var site = new ShopSite(listings);
        site._host = await LocalHost.StartAsync(site.Map);
        return site;
    }

    /// <summary>The absolute URL of the listing's item page.</summary>
    public string ListingUrl(Listing l) => new Uri(_host.Root, $"item/{Uri.EscapeDataString(l.Id)}").ToString();

    public void Add(Listing listing)
    {
        lock (_gate)
        {
            _listings.Add(listing);
        }
    }

    /// <summary>Replaces the listing with the same id (e.g. a price change); false when there is none.</summary>
    public bool Update(Listing listing)
    {
        lock (_gate)
        {
            var index = _listings.FindIndex(l => l.Id == listing.Id);
            if (index >= 0)
            {
                _listings[index] = listing;
            }

            return index >= 0;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _listings.RemoveAll(l => l.Id == id) > 0;
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/", context => HtmlAsync(context, ShopPages.ListingsPage(Listings)));
        app.MapGet("/listings", context => HtmlAsync(context, ShopPages.ListingsPage(Listings)));
        app.MapGet("/item/{id}", context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            var listing = Listings.FirstOrDefault(l => l.Id == id);
            return listing is null
                ? HtmlAsync(context, ShopPages.NotFoundPage(id), StatusCodes.Status404NotFound)
                : HtmlAsync(context, ShopPages.ItemPage(listing));
        });
        app.MapGet("/redirect", RedirectAsync);
        app.MapGet("/big", BigAsync);
        app.MapGet("/slow", SlowAsync);
    }

    private static Task RedirectAsync(HttpContext context)
    {
        var to = context.Request.Query["to"].ToString();
        if (to.Length == 0)
        {
            return HtmlAsync(context, ShopPages.MessagePage("Bad request", "Missing ?to="), StatusCodes.Status400BadRequest);
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = to;
        return Task.CompletedTask;
    }

    private static async Task BigAsync(HttpContext context)
    {
        var bytes = (long)Number(context, "kb", 1) * 1024;
        var parts = ShopPages.BigPage(bytes).ToList();
        context.Response.ContentType = "text/html; charset=utf-8";
        if (context.Request.Query["chunked"] != "1")
        {
            context.Response.ContentLength = parts.Sum(p => (long)p.Length);
        }

        foreach (var part in parts)
        {
            await context.Response.WriteAsync(part, context.RequestAborted);
        }
    }

    private async Task SlowAsync(HttpContext context)
    {
        using var aborted = _host.LinkToStopping(context.RequestAborted);
        try
        {
            await Task.Delay(Number(context, "ms", 1000), aborted.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: drop the connection rather than answer an empty 200.
            context.Abort();
            return;
        }

        await HtmlAsync(context, ShopPages.MessagePage("Slow page", "Finally here."));
    }

    private static int Number(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name], out var value) && value >= 0 ? value : fallback;

    private static Task HtmlAsync(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}

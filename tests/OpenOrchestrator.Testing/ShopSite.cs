using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>A small shop for the scout bot: /listings and /item/{id}.</summary>
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

    /// <summary>The same listings as a page that has none in its HTML: its script fetches them and builds the list.</summary>
    public Uri ScriptedListingsUrl => new(_host.Root, "app/listings");

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
        app.MapGet("/app/listings", context => HtmlAsync(context, ShopPages.ScriptedListingsPage()));
        app.MapGet("/api/listings", () => Listings.Select(l => new
        {
            id = l.Id,
            title = l.Title,
            price = l.Price,
            currency = l.Currency,
        }));
        app.MapGet("/item/{id}", context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            var listing = Listings.FirstOrDefault(l => l.Id == id);
            return listing is null
                ? HtmlAsync(context, ShopPages.NotFoundPage(id), StatusCodes.Status404NotFound)
                : HtmlAsync(context, ShopPages.ItemPage(listing));
        });
    }

    private static Task HtmlAsync(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace OpenOrchestrator.Testing;

/// <summary>The HTML of the shop: real pages with the script, style and navigation noise a text extractor must drop.</summary>
internal static class ShopPages
{
    public static string ListingsPage(IReadOnlyList<Listing> listings)
    {
        var items = new StringBuilder();
        foreach (var listing in listings)
        {
            items.Append(CultureInfo.InvariantCulture,
                $"      <li><a href=\"/item/{Uri.EscapeDataString(listing.Id)}\">{Html(listing.Title)}</a> {PriceTag(listing)}</li>\n");
        }

        return Page("Listings", $"    <h1>Listings</h1>\n    <ul class=\"listings\">\n{items}    </ul>\n");
    }

    /// <summary>The listings as a shop built by script shows them: the HTML has an empty list the script fills.</summary>
    public static string ScriptedListingsPage() => Page("Listings", """
            <h1>Listings</h1>
            <ul class="listings" id="listings"></ul>
            <script>
              fetch('/api/listings').then(r => r.json()).then(listings => {
                for (const l of listings) {
                  const li = document.createElement('li');
                  const a = document.createElement('a');
                  a.href = '/item/' + encodeURIComponent(l.id);
                  a.textContent = l.title;
                  li.append(a, ' ' + l.price + ' ' + (l.currency === 'EUR' ? '€' : l.currency));
                  document.getElementById('listings').append(li);
                }
              });
            </script>

        """);

    public static string ItemPage(Listing listing) => Page(listing.Title,
        $"    <h1>{Html(listing.Title)}</h1>\n    <p>{PriceTag(listing)}</p>\n    <p><a href=\"/listings\">Back to all listings</a></p>\n");

    public static string NotFoundPage(string id) => Page("Not found", $"    <h1>Not found</h1>\n    <p>No listing {Html(id)}.</p>\n");

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string PriceTag(Listing listing)
    {
        var price = listing.Price.ToString(CultureInfo.InvariantCulture);
        var symbol = listing.Currency == "EUR" ? "€" : Html(listing.Currency);
        return $"<span class=\"price\" data-price=\"{price}\" data-currency=\"{Html(listing.Currency)}\">{price} {symbol}</span>";
    }

    private static string Page(string title, string main) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{Html(title)}} · Test Shop</title>
          <style>body { font-family: sans-serif; } .{{ShopSite.StyleText}} { color: red; }</style>
        </head>
        <body>
          <nav><a href="/">Home</a> | <a href="/listings">Listings</a></nav>
          <main>
        {{main}}  </main>
          <footer>Test Shop</footer>
          <script>console.log("{{ShopSite.ScriptText}}");</script>
        </body>
        </html>

        """;
}

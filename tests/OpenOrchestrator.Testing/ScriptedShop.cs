using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A shop page whose offers only its JavaScript shows: after load it fetches /offers.json and lists each offer as a
/// link to /offer/{id} followed by its price in EUR. A reader that runs no script sees the heading and nothing else.
/// </summary>
public sealed class ScriptedShop : IAsyncDisposable
{
    public const string Title = "Scripted shop";

    private const string Page = $$"""
        <!DOCTYPE html><html><head><title>{{Title}}</title></head>
        <body><h1>Offers</h1><ul id="offers"></ul>
        <script>
          fetch('/offers.json').then(r => r.json()).then(offers => {
            for (const o of offers) {
              const li = document.createElement('li');
              const a = document.createElement('a');
              a.href = '/offer/' + o.id; a.textContent = o.name;
              li.append(a, ' ' + o.price + ' EUR');
              document.getElementById('offers').append(li);
            }
          });
        </script></body></html>
        """;

    private readonly LocalHost _host;

    private ScriptedShop(LocalHost host) => _host = host;

    /// <summary>http://127.0.0.1:PORT/, the shop's page.</summary>
    public Uri BaseUrl => _host.Root;

    public static async Task<ScriptedShop> StartAsync(params ShopOffer[] offers) =>
        new(await LocalHost.StartAsync(app =>
        {
            app.MapGet("/", () => TypedResults.Content(Page, "text/html"));
            app.MapGet("/offers.json", () => offers);
        }));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>One offer of the <see cref="ScriptedShop"/>.</summary>
public sealed record ShopOffer(int Id, string Name, int Price);

using System.Text;
using Microsoft.Playwright;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>What the model reads after an action: the page as text and its numbered links and controls, or why there is none.</summary>
internal static class PageResult
{
    public static async Task<string> DescribeAsync(BrowserSession session, IPage page, IResponse? document)
    {
        if (document is not null && GuardedProxy.IsRefusal(document.Headers))
        {
            return $"Error: {await document.TextAsync().ConfigureAwait(false)}";
        }

        await SettleAsync(page).ConfigureAwait(false);
        if (await BotChallenge.WhyBlockedAsync(page, document).ConfigureAwait(false) is { } why)
        {
            return $"Blocked: {page.Url} turned the browser away ({why}). This is not an empty result: "
                + "the site refuses automated visits right now; try again later or use another source.";
        }

        if (await ConsentBanner.DismissAsync(page).ConfigureAwait(false))
        {
            await SettleAsync(page).ConfigureAwait(false);
        }

        var refs = await session.MarkRefsAsync(page).ConfigureAwait(false);
        var html = await page.ContentAsync().ConfigureAwait(false);
        var text = PageReader.Cap(PageReader.Read(html, new Uri(page.Url)), session.MaxTextChars);

        var result = new StringBuilder().Append("URL: ").Append(page.Url);
        if (document is { Ok: false })
        {
            result.Append(" (HTTP ").Append(document.Status).Append(')');
        }

        result.Append("\n\n").Append(text).Append("\n\n");
        if (session.Events.Refused is { Count: > 0 } refused)
        {
            result.Append("Refused by the network guard: ").AppendJoin(", ", refused).Append("\n\n");
        }

        result.Append(refs.Count == 0 ? "No links or controls." : "Links and controls (use the numbers with browser-click and browser-type):\n")
            .Append(PageRefs.Format(refs));
        return result.ToString().TrimEnd();
    }

    /// <summary>Gives scripts a moment to fetch what they show; a page that never goes quiet is read as it is.</summary>
    private static async Task SettleAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 5_000 }).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Long polling, analytics beacons: read what is there.
        }
    }
}

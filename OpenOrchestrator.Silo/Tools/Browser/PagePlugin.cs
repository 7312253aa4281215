using System.ComponentModel;
using System.Globalization;
using Microsoft.Playwright;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>
/// The browser plugin's rendered-page functions: open, click, type, screenshot. One instance serves every run; each
/// acts on the <see cref="BrowserSession"/> its run's Kernel holds.
/// </summary>
public sealed class PagePlugin(DomainPace pace, DocumentStore documents)
{
    [KernelFunction("open")]
    [Description("Opens a web page in a real browser (its JavaScript runs) and returns its title, readable text and "
        + "numbered links and controls such as '[12] link \"Next page\" → https://…' or '[14] textbox \"Search\"'. "
        + "Use the numbers with browser-click and browser-type. A result starting with 'Blocked:' means the site refused the visit.")]
    public async Task<string> OpenAsync(
        Kernel kernel,
        [Description("The absolute http:// or https:// URL to open.")] string url,
        CancellationToken cancellationToken)
    {
        if (!WebUrl.TryParse(url, out var uri))
        {
            return $"Error: only absolute http:// or https:// URLs can be opened, not '{url}'.";
        }

        var session = BrowserSession.Of(kernel);
        await pace.WaitAsync(session.BotId, uri, cancellationToken).ConfigureAwait(false);
        return await session.RunAsync(async page =>
        {
            session.Events.Reset();
            var response = await page.GotoAsync(uri.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
            return await PageResult.DescribeAsync(session, page, response).ConfigureAwait(false);
        }, opens: true, cancellationToken).ConfigureAwait(false);
    }

    [KernelFunction("click")]
    [Description("Clicks a numbered link or control of the page last shown, then returns the page as browser-open does.")]
    public async Task<string> ClickAsync(
        Kernel kernel,
        [Description("The number in brackets, e.g. 12 for '[12] link \"Next page\"'.")] int reference,
        CancellationToken cancellationToken)
    {
        var session = BrowserSession.Of(kernel);
        await PaceAsync(session, reference, cancellationToken).ConfigureAwait(false);
        return await session.RunAsync(async page =>
        {
            if (await StaleAsync(session, page, reference).ConfigureAwait(false) is { } stale)
            {
                return stale;
            }

            session.Events.Reset();
            await PageRefs.Locate(page, reference).ClickAsync(new LocatorClickOptions { Timeout = 10_000 }).ConfigureAwait(false);
            await page.WaitForLoadStateAsync(LoadState.Load).ConfigureAwait(false);
            return await PageResult.DescribeAsync(session, page, session.Events.Document).ConfigureAwait(false);
        }, opens: false, cancellationToken).ConfigureAwait(false);
    }

    [KernelFunction("type")]
    [Description("Types text into a numbered textbox of the page last shown (replacing what it held), optionally presses Enter, "
        + "then returns the page as browser-open does.")]
    public async Task<string> TypeAsync(
        Kernel kernel,
        [Description("The textbox's number in brackets, e.g. 14 for '[14] textbox \"Search\"'.")] int reference,
        [Description("The text to type.")] string text,
        [Description("True to press Enter afterwards, e.g. to submit a search.")] bool submit = false,
        CancellationToken cancellationToken = default)
    {
        var session = BrowserSession.Of(kernel);
        if (submit)
        {
            await PaceAsync(session, reference, cancellationToken).ConfigureAwait(false);
        }

        return await session.RunAsync(async page =>
        {
            if (await StaleAsync(session, page, reference).ConfigureAwait(false) is { } stale)
            {
                return stale;
            }

            session.Events.Reset();
            var field = PageRefs.Locate(page, reference);
            await field.FillAsync(text ?? "", new LocatorFillOptions { Timeout = 10_000 }).ConfigureAwait(false);
            if (submit)
            {
                await field.PressAsync("Enter").ConfigureAwait(false);
                await page.WaitForLoadStateAsync(LoadState.Load).ConfigureAwait(false);
            }

            return await PageResult.DescribeAsync(session, page, session.Events.Document).ConfigureAwait(false);
        }, opens: false, cancellationToken).ConfigureAwait(false);
    }

    [KernelFunction("screenshot")]
    [Description("Saves a PNG screenshot of the page last shown in your documents under screenshots/ and returns its path.")]
    public Task<string> ScreenshotAsync(Kernel kernel, CancellationToken cancellationToken)
    {
        var session = BrowserSession.Of(kernel);
        return session.RunAsync(async page =>
        {
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png }).ConfigureAwait(false);
            var path = string.Create(CultureInfo.InvariantCulture, $"screenshots/{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.png");
            try
            {
                await documents.WriteAsync(session.BotId, path, png, cancellationToken).ConfigureAwait(false);
            }
            catch (DocumentQuotaException quota)
            {
                return $"Error: {quota.Message}";
            }

            return $"Saved {path} ({png.Length} bytes) of {page.Url}.";
        }, opens: false, cancellationToken);
    }

    /// <summary>
    /// A click or Enter that loads another page waits for that domain's turn, as browser-open does. A script that
    /// navigates on its own is not foreseen; a link whose script stays on the page waits all the same.
    /// </summary>
    private Task PaceAsync(BrowserSession session, int reference, CancellationToken cancellationToken) =>
        session.TargetOf(reference) is { } target ? pace.WaitAsync(session.BotId, target, cancellationToken) : Task.CompletedTask;

    private static async Task<string?> StaleAsync(BrowserSession session, IPage page, int reference) =>
        session.Unknown(reference)
        ?? (await PageRefs.Locate(page, reference).CountAsync().ConfigureAwait(false) == 0
            ? $"Error: [{reference}] is no longer on the page (its script removed it); open the page again."
            : null);
}

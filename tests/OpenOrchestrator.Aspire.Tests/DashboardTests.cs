using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using OpenOrchestrator.Browser.Tests;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Aspire.Tests;

/// <summary>
/// A run as a user finds it in the Aspire dashboard: the silos export to the dashboard's own OTLP
/// endpoint, and the run's trace shows its grain call, model calls, tool call and stored result.
/// </summary>
[Trait("Category", "Aspire")]
public sealed class DashboardTests(DashboardFixture topology) : IClassFixture<DashboardFixture>
{
    private static readonly string Screenshots = Path.Combine(SiloProcess.RepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task TheRunsTraceIsInTheAspireDashboard()
    {
        using var client = topology.App.CreateHttpClient("silo");
        await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        var bot = await client.CreateBotAsync(ApiClient.Spec("Aspire scout", "Report what is new."));
        Assert.Equal(RunStatuses.Completed, (await client.RunAsync(bot.Id)).Status);

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
            page.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(60_000);

            // The dashboard's sign-in link, then the traces page: each trace is listed by its root, the API request that started the run.
            var dashboard = await topology.App.GetDashboardUrlAsync();
            await page.GotoAsync(dashboard.ToString());
            await page.GotoAsync(new Uri(dashboard, "/traces").ToString());
            var trace = page.GetByText("POST /api/bots/{id}/runs").First;
            await trace.ClickAsync();

            await Assertions.Expect(page.GetByText("run Aspire scout").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("IBotGrain/StartRunAsync").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText($"chat {AppHostFixture.Model}").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("tool results.report").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("result store").First).ToBeVisibleAsync();
            await DismissCertificateNoticeAsync(page);
            await ScreenshotAsync(page, "aspire-run-trace");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Takes out of the picture the dashboard's notice that this machine has no trusted development certificate (it serves plain HTTP here).</summary>
    private static async Task DismissCertificateNoticeAsync(IPage page)
    {
        var notice = page.GetByText("No trusted development certificate", new() { Exact = true });
        if (await notice.CountAsync() > 0)
        {
            // The nearest element around the notice with a role of its own is the notice's bar.
            await notice.First.Locator("xpath=ancestor::*[@role][1]").EvaluateAsync("bar => bar.remove()");
            await Assertions.Expect(notice).ToHaveCountAsync(0);
        }
    }

    /// <summary>To artifacts/screenshots; into docs/screenshots too with OO_UPDATE_DOCS_SCREENSHOTS=1.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var path = Path.Combine(Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        if (Environment.GetEnvironmentVariable("OO_UPDATE_DOCS_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(SiloProcess.RepositoryRoot(), "docs", "screenshots", $"{name}.png"), overwrite: true);
        }
    }
}

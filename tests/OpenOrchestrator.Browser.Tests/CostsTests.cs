using Microsoft.Playwright;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// Models and money as a new user meets them, on a silo with OpenAI and Anthropic side by side: the model picker
/// grouped by provider with prices, the estimate before saving, a run's cost on the bot page and the usage page,
/// and the sentence that says why Run is refused once the budget is used up.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CostsTests(BrowserFixture browser, ProvidersFixture providers) : IClassFixture<ProvidersFixture>
{
    // 2,000 prompt and 500 completion tokens at Claude Sonnet's $3 / $15 per million: $0.006 + $0.0075.
    private const string RunCost = "$0.0135";

    [Fact]
    public async Task ANewUserPicksAClaudeModelSeesWhatItCostsAndIsToldWhenItsBudgetIsUsedUp()
    {
        providers.Anthropic.SetScript(_ => ModelReply.Text("Two bikes under 300 € today.") with { PromptTokens = 2000, CompletionTokens = 500 });
        var page = await browser.NewPageAsync(silo: providers.Silo);
        await using var context = page.Context;
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");

        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Form, new() { Name = "New bot" });
        var model = dialog.GetByLabel("Model", new() { Exact = true });
        await Expect(model).ToHaveValueAsync(ProvidersFixture.Sonnet);
        await Expect(model.Locator("option:checked")).ToHaveTextAsync($"{ProvidersFixture.Sonnet} — $3 / $15 per M tokens (default)");
        await Expect(model.Locator("optgroup[label='Anthropic'] > option", new() { HasText = ProvidersFixture.Haiku })).ToHaveTextAsync($"{ProvidersFixture.Haiku} — $1 / $5 per M tokens");
        await Expect(model.Locator("optgroup[label='OpenAI'] > option", new() { HasText = ProvidersFixture.Mini })).ToHaveTextAsync($"{ProvidersFixture.Mini} — $0.15 / $0.60 per M tokens");

        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Bike scout");
        await dialog.GetByLabel("Prompt").FillAsync("Find used bikes under 300 € and report each offer.");
        await Expect(dialog.GetByText("Estimated cost: ≈ $0.033 a run")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Every N minutes" }).CheckAsync();
        await dialog.GetByLabel("Every (minutes)").FillAsync("60");
        await Expect(dialog.GetByText("Estimated cost: ≈ $23.76 / month")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("≈ $0.033 a run × 720 runs a month", new() { Exact = false })).ToBeVisibleAsync();
        await dialog.GetByLabel("Monthly budget (USD)").FillAsync("1");
        // The picture shows the model picker, the schedule, the budget and the estimate together.
        await model.EvaluateAsync("select => select.closest('.field').scrollIntoView({ block: 'start' })");
        await BrowserFixture.DocsScreenshotAsync(page, "bot-dialog-models");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Bike scout" });
        await Expect(card).ToContainTextAsync("$0.00 of $1 this month");
        await card.GetByRole(AriaRole.Link, new() { Name = "Bike scout" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        var pastRuns = page.GetByRole(AriaRole.List, new() { Name = "Past runs" }).GetByRole(AriaRole.Listitem);
        await Expect(pastRuns).ToHaveCountAsync(1);
        await Expect(pastRuns.First).ToContainTextAsync("Completed");
        await Expect(pastRuns.First).ToContainTextAsync(RunCost);
        var costTile = page.GetByRole(AriaRole.List, new() { Name = "Statistics" }).GetByRole(AriaRole.Listitem, new() { Name = "Cost this month of its $1 budget" });
        await Expect(costTile).ToContainTextAsync(RunCost);
        await Expect(page.GetByText("Two bikes under 300 € today.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Log, new() { Name = "Run log" })).ToContainTextAsync($"({ProvidersFixture.Sonnet}): 2000 prompt + 500 completion tokens");
        await Expect(page.GetByText("Bike scout is ready.")).Not.ToBeVisibleAsync();
        await BrowserFixture.DocsScreenshotAsync(page, "bot-page-cost");

        // A second bot on the other provider, made and run the way a script would: 20,000 + 5,000 tokens of gpt-4o-mini cost $0.006.
        providers.OpenAi.SetScript(_ => ModelReply.Text("Prices checked.") with { PromptTokens = 20_000, CompletionTokens = 5_000 });
        var created = await page.APIRequest.PostAsync("/api/bots", new() { DataObject = ApiClient.Spec("Price checker") with { Model = ProvidersFixture.Mini } });
        Assert.Equal(201, created.Status);
        var checkerId = (await created.JsonAsync())!.Value.GetProperty("id").GetString();
        Assert.Equal(202, (await page.APIRequest.PostAsync($"/api/bots/{checkerId}/runs", new() { DataObject = new { } })).Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Usage and cost" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Usage and cost" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Totals" }).GetByRole(AriaRole.Listitem, new() { Name = "Cost" })).ToContainTextAsync("$0.0195");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Bar chart of the cost per day", Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "usage-by-day");
        await page.GetByRole(AriaRole.Group, new() { Name = "Group by" }).GetByRole(AriaRole.Button, new() { Name = "By bot" }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var scoutRow = rows.Filter(new() { HasText = "Bike scout" });
        await Expect(scoutRow).ToContainTextAsync(RunCost);
        await Expect(scoutRow).ToContainTextAsync("2,500");
        await Expect(rows.Filter(new() { HasText = "Price checker" })).ToContainTextAsync("$0.006");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Donut chart of each bot's share of the cost", Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.DocsScreenshotAsync(page, "usage");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bot settings" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Edit Bike scout" });
        await edit.GetByLabel("Monthly budget (USD)").FillAsync("0.01");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(costTile).Not.ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Cost this month of its $0.01 budget" })).ToContainTextAsync(RunCost);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Budget exceeded" }))
            .ToContainTextAsync($"Budget exceeded: this bot's monthly budget of $0.01 is used up ({RunCost} spent in ");
        await Expect(pastRuns).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run now" })).ToBeEnabledAsync();
        await Expect(page.GetByText("Saved.", new() { Exact = true })).Not.ToBeVisibleAsync();
        await BrowserFixture.DocsScreenshotAsync(page, "budget-exceeded");
    }
}

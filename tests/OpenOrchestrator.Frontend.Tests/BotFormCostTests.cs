using System.Net;
using System.Text.Json;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class BotFormCostTests : FrontendContext
{
    private const string NeedsAnthropicKey = "ANTHROPIC_API_KEY on the server or your Anthropic key in Settings";

    private static readonly IReadOnlyList<ModelInfo> Models =
    [
        new("gpt-4o-mini", "openai", true, 0.15, 0.6),
        new("claude-sonnet-4-5", "anthropic", false, 3, 15) { Missing = NeedsAnthropicKey },
        new("claude-haiku-4-5", "anthropic", false, 1, 5) { Missing = NeedsAnthropicKey },
        new("llama3.1", "ollama", false),
    ];

    private IRenderedComponent<BotForm> RenderForm(BotView? bot = null) =>
        Render<BotForm>(p => p.Add(f => f.Models, Models).Add(f => f.Bot, bot).Add(f => f.Bots, []));

    private static string[] Options(IRenderedComponent<BotForm> form, string group) =>
        [.. form.FindAll($"#bot-model optgroup[label='{group}'] option").Select(o => o.TextContent)];

    private static void Fill(IRenderedComponent<BotForm> form)
    {
        form.Find("#bot-name").Input("eBay-Scout");
        form.Find("#bot-prompt").Input("Find deals under 50 €.");
    }

    [Fact]
    public void ModelsAreGroupedByProviderWithTheirPricesAndAMissingKeyIsNamedBeforeSaving()
    {
        var form = RenderForm();

        Assert.Equal(["OpenAI", "Anthropic", "ollama"], form.FindAll("#bot-model optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal(["gpt-4o-mini — $0.15 / $0.60 per M tokens (default)"], Options(form, "OpenAI"));
        Assert.Equal(
            ["claude-sonnet-4-5 — $3 / $15 per M tokens (not set up)", "claude-haiku-4-5 — $1 / $5 per M tokens (not set up)"],
            Options(form, "Anthropic"));
        Assert.Equal(["llama3.1 — price unknown"], Options(form, "ollama"));
        Assert.Empty(form.FindAll("#bot-model-missing"));

        form.Find("#bot-model").Change("claude-sonnet-4-5");

        Assert.Contains($"it needs {NeedsAnthropicKey}.", form.Find("#bot-model-missing").TextContent);
        Assert.DoesNotContain(Api.Sent, r => r.Route == "POST /api/bots");
    }

    [Fact]
    public void FallbackModelsLeaveOutTheChosenModelAndAreSentInTheirOrder()
    {
        Api.On(HttpMethod.Post, "/api/bots", Bot(), HttpStatusCode.Created);
        var form = RenderForm();
        Fill(form);

        Assert.DoesNotContain("gpt-4o-mini", form.FindAll("#bot-fallback-add option").Select(o => o.GetAttribute("value")));
        form.Find("#bot-fallback-add").Change("claude-haiku-4-5");
        form.Find("#bot-fallback-add").Change("llama3.1");
        form.Find("button[aria-label='Try llama3.1 earlier']").Click();

        Assert.Equal(["llama3.1", "claude-haiku-4-5"], form.FindAll(".fallbacks .fallback-id").Select(e => e.TextContent));
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Post, "/api/bots")));
        var body = JsonDocument.Parse(Api.Bodies(HttpMethod.Post, "/api/bots").Single()!).RootElement;
        Assert.Equal(["llama3.1", "claude-haiku-4-5"], body.GetProperty("fallbackModels").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void TheServersBudgetErrorAppearsAtTheBudgetField()
    {
        const string Message = "The monthly budget must be more than 0 and at most 1,000,000 USD.";
        Api.OnProblem(HttpMethod.Post, "/api/bots", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["MonthlyBudget"] = [Message] });
        var form = RenderForm();
        Fill(form);
        form.Find("#bot-budget").Input("-5");
        form.WaitForAssertion(() => Assert.Equal(-5, form.Instance.Draft.MonthlyBudget));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains(Message, form.Find("#bot-budget").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(form.FindAll(".mud-alert-text-error"));
        var body = JsonDocument.Parse(Api.Bodies(HttpMethod.Post, "/api/bots").Single()!).RootElement;
        Assert.Equal(-5, body.GetProperty("monthlyBudget").GetDouble());
    }

    [Fact]
    public void TheEstimateIsShownBeforeSavingAndAskedAgainWhenTheScheduleChanges()
    {
        var form = RenderForm();
        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Post, "/api/bots/estimate")));
        Assert.Empty(form.FindAll("#bot-estimate"));

        Api.On(HttpMethod.Post, "/api/bots/estimate", new CostEstimate(0.0125, 1440, 18, "a typical run of 4,000 prompt and 800 completion tokens"));
        form.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == "Every N minutes").QuerySelector("input")!.Click();

        form.WaitForAssertion(() => Assert.Equal("Estimated cost: ≈ $18.00 / month", form.Find("#bot-estimate .headline").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("≈ $0.0125 a run × 1,440 runs a month; a typical run of 4,000 prompt and 800 completion tokens", form.Find("#bot-estimate .basis").TextContent);
        var asked = JsonDocument.Parse(Api.Bodies(HttpMethod.Post, "/api/bots/estimate").Last()!).RootElement;
        Assert.Equal("gpt-4o-mini", asked.GetProperty("model").GetString());
        Assert.Equal(ScheduleKinds.Interval, asked.GetProperty("schedule").GetProperty("kind").GetString());
        Assert.Empty(Api.Sent);
    }

    [Fact]
    public void AnEstimateAboveTheBudgetSaysTheRunsWillStop()
    {
        Api.On(HttpMethod.Post, "/api/bots/estimate", new CostEstimate(0.0125, 1440, 18, "a typical run"));
        var form = RenderForm();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("#bot-estimate")));
        Assert.Empty(form.FindAll("#bot-estimate-over"));

        form.Find("#bot-budget").Input("5");

        form.WaitForAssertion(() => Assert.Equal(
            "More than its budget of $5: its runs will stop once the budget is used up.", form.Find("#bot-estimate-over").TextContent));
    }

    [Fact]
    public void EditingABotAsksForTheEstimateOfThatBot()
    {
        Api.On(HttpMethod.Post, "/api/bots/estimate?botId=b1", new CostEstimate(0.02, null, null, "average of the last 12 runs"));

        var form = RenderForm(Bot());

        form.WaitForAssertion(() => Assert.Equal("Estimated cost: ≈ $0.02 a run", form.Find("#bot-estimate .headline").TextContent));
        Assert.Equal("average of the last 12 runs", form.Find("#bot-estimate .basis").TextContent);
    }
}

using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Tests.Models;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Costs;

/// <summary>Each run costs its tokens at its model's price (built in or configured); usage adds them up.</summary>
[Collection(ProvidersCollection.Name)]
public sealed class CostTests(ProvidersFixture fixture)
{
    private const double MiniRunCost = (1000 * 0.15 + 500 * 0.6) / 1_000_000d;

    [Fact]
    public async Task ARunCostsItsTokensAtItsModelsPrice()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", name: "Priced");
        fixture.OpenAi.SetScript(_ => ModelReply.Text("ok") with { PromptTokens = 1000, CompletionTokens = 500 });

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(MiniRunCost, run.Cost!.Value, 9);
        Assert.Equal(MiniRunCost, (await ProvidersFixture.GetAsync<RunView>(client, $"/api/runs/{run.Id}")).Cost!.Value, 9);
        Assert.Equal(MiniRunCost, Assert.Single(await ProvidersFixture.GetAsync<IReadOnlyList<RunView>>(client, $"/api/bots/{bot.Id}/runs")).Cost!.Value, 9);
        Assert.EndsWith("1500 tokens, $0.000450.", (await client.LogAsync(run.Id)).Last(l => l.Kind == LogKinds.Info).Message, StringComparison.Ordinal);
        Assert.Equal(MiniRunCost, (await ProvidersFixture.GetAsync<BotView>(client, $"/api/bots/{bot.Id}")).Stats.CostThisMonth, 9);
    }

    [Fact]
    public async Task AModelWithoutAKnownPriceCostsNullNotAGuess()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "scripted-model", name: "Unpriced");
        fixture.OpenAi.SetScript(_ => ModelReply.Text("ok"));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Null(run.Cost);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Message.EndsWith("completion tokens, price unknown.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsageAddsUpRunsByBotModelAndDay()
    {
        var client = await fixture.SignUpAsync();
        var mini = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", name: "Mini");
        var llama = await ProvidersFixture.BotAsync(client, ProvidersFixture.Llama, name: "Llama");
        fixture.OpenAi.SetScript(_ => ModelReply.Text("ok") with { PromptTokens = 1000, CompletionTokens = 500 });
        fixture.Local.SetScript(_ => ModelReply.Text("ok") with { PromptTokens = 2000, CompletionTokens = 1000 });
        await client.RunAsync(mini.Id);
        await client.RunAsync(mini.Id);
        await client.RunAsync(llama.Id);
        var llamaCost = (2000 * 0.5 + 1000 * 1) / 1_000_000d;

        var byBot = await ProvidersFixture.GetAsync<UsageReport>(client, "/api/usage?groupBy=bot");
        var byModel = await ProvidersFixture.GetAsync<UsageReport>(client, "/api/usage?groupBy=model");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byDay = await ProvidersFixture.GetAsync<UsageReport>(client, $"/api/usage?groupBy=day&from={today}&to={today}");

        Assert.Equal(3, byBot.Total.Runs);
        Assert.Equal(3000 + 3000, byBot.Total.Tokens);
        Assert.Equal(2 * MiniRunCost + llamaCost, byBot.Total.Cost, 9);
        Assert.Equal(["🤖 Llama", "🤖 Mini"], byBot.Groups.Select(g => g.Label));
        Assert.Equal(2 * MiniRunCost, byModel.Groups.Single(g => g.Key == "gpt-4o-mini").Cost, 9);
        Assert.Equal(3, Assert.Single(byDay.Groups, g => g.Key == today).Runs);
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-05&to=2026-12-01", "to")]
    public async Task AUsageQueryThatMakesNoSenseIsABadRequest(string query, string field)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.GetAsync($"/api/usage?{query}");

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, $"\"{field}\"");
    }

    [Fact]
    public async Task TheEstimateBeforeSavingIsATypicalRunTimesTheSchedulesRunsInAMonth()
    {
        var client = await fixture.SignUpAsync();
        var spec = ApiClient.Spec() with { Model = "gpt-4o-mini", Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 60 } };

        var estimate = (await (await client.PostAsJsonAsync("/api/bots/estimate", spec)).Content.ReadFromJsonAsync<CostEstimate>())!;

        Assert.Equal(720, estimate.RunsPerMonth);
        Assert.Equal((6000 * 0.15 + 1000 * 0.6) / 1_000_000d, estimate.CostPerRun!.Value, 9);
        Assert.Equal(1.08, estimate.MonthlyCost!.Value, 6);
    }

    [Fact]
    public async Task ABotsEstimateIsItsRecentRunsTimesItsSchedule()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Hourly") with
        {
            Model = "gpt-4o-mini",
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 60 },
        });
        fixture.OpenAi.SetScript(_ => ModelReply.Text("ok") with { PromptTokens = 1000, CompletionTokens = 500 });
        await client.RunAsync(bot.Id);

        var read = await ProvidersFixture.GetAsync<BotView>(client, $"/api/bots/{bot.Id}");

        Assert.Equal(MiniRunCost * 720, read.Stats.EstimatedMonthlyCost!.Value, 9);
    }
}

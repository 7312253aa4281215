using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Tests.Models;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Costs;

/// <summary>
/// Budgets are checked before every model call: "budget-model" makes each call's estimate exactly $0.10 (its
/// output limit), and each call costs $0.001 per completion token the script says it used.
/// </summary>
[Collection(ProvidersCollection.Name)]
public sealed class BudgetTests(ProvidersFixture fixture)
{
    [Fact]
    public async Task ACallThatCouldOvershootTheBotsBudgetIsNeverMade()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, budget: 0.05, name: "Too poor");

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.StartsWith("Budget exceeded: the next model call could cost up to $0.1000, and this bot's monthly budget of $0.05 has $0.0500 left", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Local.Requests, r => r.SystemPrompt!.Contains("Too poor"));
    }

    [Fact]
    public async Task ARunStopsBeforeTheCallItsBudgetCannotAffordAndKeepsWhatItFound()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, budget: 0.25, name: "Stops midway");
        fixture.Local.SetScript(request => request.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "An offer" })) with { CompletionTokens = 200 }
            : ModelReply.Text("Done."));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.StartsWith("Budget exceeded", run.Error, StringComparison.Ordinal);
        Assert.Equal(0.2, run.Cost!.Value, 9);
        Assert.Single(fixture.Local.Requests, r => r.SystemPrompt!.Contains("Stops midway"));
        Assert.Equal("An offer", Assert.Single(await client.ResultsAsync(bot.Id)).Title);
    }

    [Fact]
    public async Task AManualStartOnAUsedUpBudgetIsAConflictAndTheBellSaysSo()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, budget: 0.5, name: "Spent");
        fixture.Local.SetScript(_ => ModelReply.Text("Expensive.") with { CompletionTokens = 600 });
        Assert.Equal(RunStatuses.Completed, (await client.RunAsync(bot.Id)).Status);

        var response = await client.PostAsJsonAsync($"/api/bots/{bot.Id}/runs", new StartRunRequest(null));

        await Problems.AssertAsync(response, HttpStatusCode.Conflict, "Budget exceeded: this bot's monthly budget of $0.50 is used up ($0.6000 spent in ");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("budget-exceeded", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        var bell = await ProvidersFixture.GetAsync<NotificationsPage>(client, "/api/notifications");
        Assert.Single(bell.Items, n => n.Kind == NotificationKinds.Budget && n.Title == "Budget used up: this bot's monthly budget");
    }

    [Fact]
    public async Task TheBellWarnsOnceAtEightyPercent()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, budget: 1, name: "Eighty");
        fixture.Local.SetScript(_ => ModelReply.Text("ok") with { CompletionTokens = 850 });
        await client.RunAsync(bot.Id);
        fixture.Local.SetScript(_ => ModelReply.Text("ok") with { CompletionTokens = 10 });
        await client.RunAsync(bot.Id);

        var bell = await ProvidersFixture.GetAsync<NotificationsPage>(client, "/api/notifications");

        var warning = Assert.Single(bell.Items, n => n.Kind == NotificationKinds.Budget);
        Assert.Equal("80 % of this bot's monthly budget used", warning.Title);
        Assert.StartsWith("$0.8500 of $1 spent in ", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATriggeredStartOnAUsedUpBudgetBecomesAnActivityEntryAndNoRun()
    {
        var client = await fixture.SignUpAsync();
        var source = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", name: "Source");
        var target = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, budget: 0.5, name: "Target");
        fixture.OpenAi.SetScript(_ => ModelReply.Text("ok"));
        fixture.Local.SetScript(_ => ModelReply.Text("Expensive.") with { CompletionTokens = 600 });
        await client.RunAsync(target.Id);
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id })).EnsureSuccessStatusCode();
        await using var live = await LiveListener.ConnectAsync(fixture.App, client);

        await client.RunAsync(source.Id);

        // Generous: the trigger goes through the outbox, which a busy machine (four test assemblies at once) drains late.
        var refused = await live.WaitForAsync<ActivityView>(LiveHub.ActivityAdded, a => a.Kind == "budget_exceeded" && a.BotId == target.Id, seconds: 120);
        Assert.Contains("Budget exceeded", refused.Message);
        Assert.Single(await ProvidersFixture.GetAsync<IReadOnlyList<RunView>>(client, $"/api/bots/{target.Id}/runs"));
    }

    [Fact]
    public async Task TwoRunsCannotBothPassACheckTheUsersBudgetAffordsOnce()
    {
        var client = await fixture.SignUpAsync();
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, null, null, null) { MonthlyBudget = 0.15 })).EnsureSuccessStatusCode();
        var first = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, name: "First of two");
        var second = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, name: "Second of two");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Local.Script = async (request, cancellationToken) =>
        {
            called.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return ModelReply.Text("ok") with { CompletionTokens = 5 };
        };

        var running = await client.StartRunAsync(first.Id);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await client.RunAsync(second.Id);
        release.SetResult();
        var done = await client.WaitForRunAsync(running.Id);

        Assert.StartsWith("Budget exceeded: the next model call could cost up to $0.1000, and your monthly budget of $0.15 has $0.0500 left", refused.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatuses.Completed, done.Status);
        Assert.DoesNotContain(fixture.Local.Requests, r => r.SystemPrompt!.Contains("Second of two"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(2_000_000)]
    public async Task ABotBudgetThatIsNotAnAmountIsABadRequest(double budget)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { MonthlyBudget = budget });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "monthlyBudget");
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(1e9)]
    public async Task AUserBudgetThatIsNotAnAmountIsABadRequest(double budget)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, null, null, null) { MonthlyBudget = budget });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "monthlyBudget");
    }

    [Fact]
    public async Task SettingsShowTheBudgetAndWhatWasSpentThisMonth()
    {
        var client = await fixture.SignUpAsync();
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, null, null, null) { MonthlyBudget = 12.5 })).EnsureSuccessStatusCode();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.BudgetModel, name: "Settled");
        fixture.Local.SetScript(_ => ModelReply.Text("ok") with { CompletionTokens = 30 });
        await client.RunAsync(bot.Id);

        var settings = await ProvidersFixture.GetAsync<SettingsView>(client, "/api/settings");

        Assert.Equal(12.5, settings.MonthlyBudget);
        Assert.Equal(0.03, settings.SpentThisMonth, 9);
        Assert.Null(settings.ServerMonthlyCap);
    }
}

using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Tests.Models;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Costs;

/// <summary>A server with one OpenAI-compatible provider, no Anthropic key, and a cap per user and month.</summary>
public sealed class SmallServerTests : IAsyncLifetime
{
    private ScriptedModelServer _model = null!;
    private OrchestratorApp _app = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));
        _model.ModelIds = [ProvidersFixture.BudgetModel];
        _app = new OrchestratorApp(OrchestratorApp.SettingsFor(_model,
            ("Models:Default", ProvidersFixture.BudgetModel),
            ("Models:Prices:budget-model:Input", "0"),
            ("Models:Prices:budget-model:Output", "1000"),
            ("Runs:MaxOutputTokens", "100"),
            ("Budgets:UserMonthly", "0.05")));
        _app.StartServer();
    }

    [Fact]
    public async Task ACallThatCouldOvershootTheServersCapIsNeverMade()
    {
        var client = await _app.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { MonthlyBudget = 100 });

        var run = await client.RunAsync(bot.Id);
        var settings = await ProvidersFixture.GetAsync<SettingsView>(client, "/api/settings");

        Assert.StartsWith("Budget exceeded", run.Error, StringComparison.Ordinal);
        Assert.Contains("the server's monthly cap per user (Budgets__UserMonthly)", run.Error);
        Assert.Equal(0, _model.RequestCount);
        Assert.Equal(0.05, settings.ServerMonthlyCap);
    }

    [Fact]
    public async Task AModelWhoseProviderHasNoKeyIsOfferedWithTheMissingSettingAndItsRunFailsAtOnceNamingIt()
    {
        var client = await _app.SignUpAsync();
        var models = await ProvidersFixture.GetAsync<IReadOnlyList<ModelInfo>>(client, "/api/models");
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { Model = "claude-sonnet-4-5" });

        var run = await client.RunAsync(bot.Id);

        var sonnet = Assert.Single(models, m => m.Id == "claude-sonnet-4-5");
        Assert.Equal("ANTHROPIC_API_KEY on the server, or your own Anthropic key in Settings", sonnet.Missing);
        Assert.Null(Assert.Single(models, m => m.Id == ProvidersFixture.BudgetModel).Missing);
        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Equal("No key for anthropic: set ANTHROPIC_API_KEY on the server, or your own Anthropic key in Settings.", run.Error);
        Assert.Equal(0, run.Usage.ModelCalls);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}

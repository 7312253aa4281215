using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Tests.Models;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Costs;

/// <summary>The operator's cap per user and month holds whatever a user sets for themselves.</summary>
public sealed class ServerCapTests : IAsyncLifetime
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

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

[Trait("Category", "Security")]
public sealed class HubLimitTests
{
    [Fact]
    public async Task AConnectionThatFloodsTheHubIsRefusedPastItsBurstAndKeepsItsConnection()
    {
        await using var model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));
        await using var app = new OrchestratorApp(OrchestratorApp.SettingsFor(model, ("Api:RequestsPerSecond", "5"), ("Api:Burst", "20")));
        var client = await app.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());
        await using var live = await LiveListener.ConnectAsync(app, client);

        var clock = Stopwatch.StartNew();
        var (answered, refused) = (0, new List<string>());
        for (var i = 0; i < 500; i++)
        {
            try
            {
                Assert.True(await live.WatchAsync(bot.Id));
                answered++;
            }
            catch (HubException e)
            {
                refused.Add(e.Message);
            }
        }

        // Connecting called Ready, which took one call of the burst.
        var allowed = 19 + (5 * (int)Math.Ceiling(clock.Elapsed.TotalSeconds));
        Assert.InRange(answered, 19, allowed);
        Assert.Equal(500 - answered, refused.Count);
        Assert.All(refused, m => Assert.Contains("Too many calls", m, StringComparison.Ordinal));
    }
}

using System.Text.RegularExpressions;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The failover test's bots: made through either silo, and told apart by the silo their grain was placed on.</summary>
public static partial class FailoverBots
{
    private const int Workers = 200;
    private const int Sleepers = 10;
    private const string Worker = "Worker";
    private const string Sleeper = "Sleeper";
    private static readonly ScheduleSpec EveryTenSeconds = new() { Kind = ScheduleKinds.Cron, Cron = "*/10 * * * * *" };

    /// <summary>Workers and sleepers on a ten-second schedule, every other one made through each silo; by name, their ids.</summary>
    public static async Task<Dictionary<string, string>> CreateScheduledAsync(HttpClient one, HttpClient two)
    {
        var bots = new Dictionary<string, string>();
        var names = Enumerable.Range(0, Workers).Select(i => $"{Worker} {i}")
            .Concat(Enumerable.Range(0, Sleepers).Select(i => $"{Sleeper} {i}"));
        foreach (var (name, i) in names.Select((name, i) => (name, i)))
        {
            var client = i % 2 == 0 ? one : two;
            bots[name] = (await client.CreateBotAsync(ApiClient.Spec(name) with { Schedule = EveryTenSeconds })).Id;
        }

        return bots;
    }

    /// <summary>A bot without a schedule whose grain lives on <paramref name="silo"/>: made through it until one is placed there.</summary>
    public static async Task<string> CreateManualOnAsync(SiloProcess silo, HttpClient client)
    {
        for (var i = 0; i < 20; i++)
        {
            var bot = await client.CreateBotAsync(ApiClient.Spec($"Manual {Guid.NewGuid():N}"));
            if (IdsLivingOn(silo).Contains(bot.Id))
            {
                return bot.Id;
            }
        }

        throw new InvalidOperationException($"None of 20 bots made through {silo.BaseUrl} was placed on it.");
    }

    /// <summary>Those of <paramref name="bots"/> whose grain <paramref name="silo"/> activated when they were made (being scheduled, they stay there).</summary>
    public static HashSet<string> LivingOn(SiloProcess silo, Dictionary<string, string> bots)
    {
        var ids = IdsLivingOn(silo);
        return [.. bots.Where(b => ids.Contains(b.Value)).Select(b => b.Key)];
    }

    public static bool IsWorker(string name) => name.StartsWith(Worker, StringComparison.Ordinal);

    public static bool IsSleeper(string name) => name.StartsWith(Sleeper, StringComparison.Ordinal);

    private static HashSet<string> IdsLivingOn(SiloProcess silo) => Created().Matches(silo.Output).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"Bot (\S+) created by")]
    private static partial Regex Created();
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Schedule lateness: many bots on the one-minute interval (the shortest there is), each run's start
/// against its slot, then a bare PeriodicTimer per bot waiting on the same deadlines. Also checks
/// that no slot that fell due was missed or run twice.
/// </summary>
public static class ScheduleBenchmark
{
    private const string WarmUpPrefix = "Warm-up ";

    /// <summary>
    /// Bots are created evenly over <paramref name="spreadSeconds"/>, so their slots spread over the
    /// minute as bots created over time would; 0 creates them as fast as possible, bunching the slots.
    /// </summary>
    public static async Task RunAsync(int bots, int slotsPerBot, int spreadSeconds)
    {
        await using var model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Done."));
        model.KeepsRequests = false;
        var (app, client) = await BenchApp.StartAsync(model.BaseUrl);
        double[] lateness;
        List<DateTime> firstSlots;
        await using (app)
        {
            var spec = ApiClient.Spec("Ticker") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 1 } };
            await WarmUpAsync(client, app, spec);
            var creating = DateTime.UtcNow;
            await Parallel.ForEachAsync(Enumerable.Range(0, bots), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
            {
                var at = creating.AddSeconds((double)spreadSeconds * i / bots);
                if (at > DateTime.UtcNow)
                {
                    await Task.Delay(at - DateTime.UtcNow, cancellationToken);
                }

                await client.CreateBotAsync(spec);
            });
            var created = DateTime.UtcNow;
            Console.WriteLine($"created {bots} scheduled bots in {(created - creating).TotalSeconds:F0} s");

            // Every bot's first slots fall within a minute after its creation; wait for them, plus a margin.
            var cutoff = created.AddMinutes(slotsPerBot);
            await Task.Delay(cutoff.AddSeconds(10) - DateTime.UtcNow);

            // A bot's first slot is a minute after its creation, rounded up to a whole millisecond (ScheduleCalculator).
            firstSlots = (await app.QueryAsync(db => db.Bots.Where(b => b.ScheduleKind == ScheduleKinds.Interval && !b.Name.StartsWith(WarmUpPrefix)).Select(b => b.CreatedAt).ToListAsync()))
                .Select(c => ScheduleCalculator.Next(new BotRecord { Id = "", OwnerId = "", Name = "", Prompt = "", Model = "", DocsPath = "", ScheduleKind = ScheduleKinds.Interval, ScheduleEveryMinutes = 1 }, c)!.Value)
                .ToList();
            var runs = await app.QueryAsync(db => db.Runs.Where(r => r.Cause != null && !db.Bots.Any(b => b.Id == r.BotId && b.Name.StartsWith(WarmUpPrefix))).Select(r => new { r.BotId, r.Cause, r.CreatedAt }).ToListAsync());
            lateness = runs.Select(r => (r.CreatedAt - Slot(r.Cause!)).TotalMilliseconds).ToArray();
            var due = firstSlots.Sum(first => Enumerable.Range(0, slotsPerBot + 1).Count(k => first.AddMinutes(k) <= cutoff));
            var ran = runs.Count(r => Slot(r.Cause!) <= cutoff);
            var doubled = runs.GroupBy(r => (r.BotId, r.Cause)).Count(g => g.Count() > 1);
            Console.WriteLine($"slots due {due}, runs for them {ran}, missed {due - ran}, doubled {doubled}");
        }

        // The baseline runs once the app is gone: the same spread of deadlines, moved to start in a few seconds.
        var shift = DateTime.UtcNow.AddSeconds(5) - firstSlots.Min();
        var bare = await BareLoopAsync([.. firstSlots.Select(c => c + shift)], slotsPerBot);
        Report.Lateness("OpenOrchestrator schedule", lateness, "bare PeriodicTimer loop", bare);
    }

    /// <summary>
    /// Before the measured bots: 100 warm-up bots on the same interval, whose first slots (a minute
    /// later) run the reminder path once, and manual runs, 32 at a time, until the JIT has settled
    /// (<see cref="JitWarmUp"/>); the bare loop's path is warm from its first tick. Neither kind is
    /// counted: manual runs have no slot, and the warm-up bots are left out by name.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient client, BenchApp app, BotSpec scheduled)
    {
        var tickers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.CreateBotAsync(scheduled with { Name = $"{WarmUpPrefix}{i}" })));
        var bots = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => client.CreateBotAsync(ApiClient.Spec($"{WarmUpPrefix}manual {i}"))));
        var settled = await JitWarmUp.RunAsync(() => Task.WhenAll(bots.Select(bot => client.RunAsync(bot.Id))), batch: 5);
        var ids = tickers.Select(t => t.Id).ToList();
        while (await app.QueryAsync(db => db.Runs.CountAsync(r => ids.Contains(r.BotId) && r.Cause != null)) < ids.Count)
        {
            await Task.WhenAll(bots.Select(bot => client.RunAsync(bot.Id)));
        }

        Console.WriteLine($"warm-up: {settled}; the warm-up bots' first slots ran");
    }

    /// <summary>One PeriodicTimer per bot, first due at the bot's slot, then every minute; how late each tick is.</summary>
    private static async Task<double[]> BareLoopAsync(List<DateTime> firstDeadlines, int slots)
    {
        var late = new double[firstDeadlines.Count * slots];
        await Task.WhenAll(firstDeadlines.Select(async (first, i) =>
        {
            await Task.Delay(first - DateTime.UtcNow);
            late[i * slots] = (DateTime.UtcNow - first).TotalMilliseconds;
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
            for (var k = 1; k < slots && await timer.WaitForNextTickAsync(); k++)
            {
                late[(i * slots) + k] = (DateTime.UtcNow - first.AddMinutes(k)).TotalMilliseconds;
            }
        }));
        return late;
    }

    private static DateTime Slot(string cause) =>
        DateTime.Parse(cause["schedule:".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

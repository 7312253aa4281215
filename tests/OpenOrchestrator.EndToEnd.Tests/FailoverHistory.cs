using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>What must hold of each bot's runs and results once a silo was killed at <paramref name="killed"/> and its bots moved.</summary>
public sealed class FailoverHistory(DateTimeOffset killed, IReadOnlySet<string> onKilledSilo)
{
    /// <summary>Checks <paramref name="bot"/>'s runs, and its results read after them; <paramref name="before"/> is how it was before the kill.</summary>
    public void Check(string bot, IReadOnlyList<RunView> runs, IReadOnlyList<ResultView> results, BotView before)
    {
        NoSlotRanTwice(bot, runs);
        var wasOnKilledSilo = onKilledSilo.Contains(bot);
        var sleeper = FailoverBots.IsSleeper(bot);
        foreach (var run in runs)
        {
            var outcome = $"{bot}: run {run.Id} started {run.StartedAt:HH:mm:ss.fff} is {run.Status} ({run.Error})";
            if (run.StartedAt < killed && wasOnKilledSilo)
            {
                // Cut off with its silo, or done before: never left running, never re-run.
                Assert.True(run.Status == RunStatuses.Completed || (run.Status, run.Error) == (RunStatuses.Failed, "interrupted"), outcome);
            }
            else if (sleeper)
            {
                Assert.True(run.Status == RunStatuses.Running, outcome);
            }
            else
            {
                Assert.True(run.Status is RunStatuses.Completed or RunStatuses.Running, outcome);
            }
        }

        if (sleeper && wasOnKilledSilo)
        {
            var first = runs.MinBy(r => r.StartedAt)!;
            Assert.True((first.Status, first.Error) == (RunStatuses.Failed, "interrupted"), $"{bot}: its run on the killed silo is {first.Status} ({first.Error})");
        }

        // A worker reports one result per run, first thing: a completed run has one, an interrupted one at most one.
        Assert.True(results.Count >= before.Stats.Results, $"{bot}: {before.Stats.Results} result(s) before the kill, {results.Count} after");
        var perRun = results.GroupBy(r => r.RunId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(perRun, p => Assert.True(p.Value == 1, $"{bot}: run {p.Key} has {p.Value} results"));
        Assert.All(runs.Where(r => r.Status == RunStatuses.Completed), r => Assert.True(perRun.ContainsKey(r.Id), $"{bot}: completed run {r.Id} lost its result"));
        Assert.True(sleeper || runs.Count >= 3, $"{bot} ran only {runs.Count} time(s)");
    }

    /// <summary>
    /// Slots are ten seconds apart and a slot's run starts at or after it, before the next one comes
    /// due: two scheduled runs starting in one ten-second window would be one slot run twice.
    /// </summary>
    private static void NoSlotRanTwice(string bot, IReadOnlyList<RunView> runs)
    {
        var twice = runs
            .Where(r => r.Trigger == RunTriggers.Schedule && r.StartedAt is not null)
            .GroupBy(r => r.StartedAt!.Value.ToUnixTimeSeconds() / 10)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" and ", g.Select(r => $"{r.Id} at {r.StartedAt:HH:mm:ss.fff}")))
            .ToList();
        Assert.True(twice.Count == 0, $"{bot} ran one slot twice: {string.Join("; ", twice)}");
    }
}

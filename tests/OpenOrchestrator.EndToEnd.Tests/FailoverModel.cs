using System.Text.RegularExpressions;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// The model the failover test's bots talk to. A worker reports one result per run, then is done;
/// a sleeper's run waits for an answer until its silo goes away. The first request of every run
/// is kept with the bot's name and time: a bot that asks has started a run, wherever it lives.
/// </summary>
public sealed partial class FailoverModel
{
    private readonly Arrivals<(string Bot, DateTimeOffset At)> _runs = new();

    public async Task<ModelReply> ReplyAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var bot = BotName().Match(request.SystemPrompt ?? "").Groups[1].Value;
        if (request.Round() > 0)
        {
            return ModelReply.Text("Done.");
        }

        _runs.Add((bot, DateTimeOffset.UtcNow));
        if (FailoverBots.IsSleeper(bot))
        {
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
        }

        return ModelReplyFor.Report($"{bot}: found at {DateTimeOffset.UtcNow:O} ({Guid.NewGuid():N})");
    }

    /// <summary>
    /// When each of <paramref name="bots"/> (by name) first started a run after <paramref name="since"/>;
    /// fails naming those that had not within <paramref name="limit"/> of it.
    /// </summary>
    public async Task<Dictionary<string, DateTimeOffset>> RanSinceAsync(IEnumerable<string> bots, DateTimeOffset since, TimeSpan limit)
    {
        var deadline = since + limit;
        var ran = new Dictionary<string, DateTimeOffset>();
        var waiting = new List<string>();
        foreach (var bot in bots)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            try
            {
                ran[bot] = (await _runs.WaitForAsync(r => r.Bot == bot && r.At > since, left > TimeSpan.Zero ? left : TimeSpan.Zero)).At;
            }
            catch (TimeoutException)
            {
                waiting.Add(bot);
            }
        }

        Assert.True(waiting.Count == 0, $"{waiting.Count} bot(s) did not run within {limit.TotalSeconds} s after {since:HH:mm:ss.fff}: {string.Join(", ", waiting)}");
        return ran;
    }

    /// <summary>Until some run asks the model after now, or <paramref name="max"/> has passed: something to look again after.</summary>
    public async Task NextRequestAsync(TimeSpan max)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            await _runs.WaitForAsync(r => r.At > now, max);
        }
        catch (TimeoutException)
        {
            // Nothing ran meanwhile: look again all the same.
        }
    }

    [GeneratedRegex("You are \"([^\"]+)\"")]
    private static partial Regex BotName();
}

using System.Collections.Concurrent;
using OpenOrchestrator.Silo.Runs;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>
/// Fails a bot's <see cref="IBotGrain.RunFinishedAsync"/> calls a given number of times, as a refused
/// database connection or an unreachable silo would: the run's end does not reach its bot.
/// </summary>
public sealed class OutcomeFaults : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _left = new();

    public void Fail(string botId, int times) => _left[botId] = times;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var botId = context.TargetId.Key.ToString()!;
        if (context.InterfaceMethod?.Name == nameof(IBotGrain.RunFinishedAsync) && TakeOne(botId))
        {
            throw new TimeoutException($"Injected: the end of a run of bot {botId} was not taken.");
        }

        return context.Invoke();
    }

    private bool TakeOne(string botId)
    {
        while (_left.TryGetValue(botId, out var left) && left > 0)
        {
            if (_left.TryUpdate(botId, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}

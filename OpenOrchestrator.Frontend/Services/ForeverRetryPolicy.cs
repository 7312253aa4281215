using Microsoft.AspNetCore.SignalR.Client;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>Reconnects without giving up: quickly at first, then every 10 seconds (a restarting server comes back).</summary>
public sealed class ForeverRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan[] FirstDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public static TimeSpan Delay(long attempt) => attempt < FirstDelays.Length ? FirstDelays[attempt] : TimeSpan.FromSeconds(10);

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay(retryContext.PreviousRetryCount);
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Api;

namespace OpenOrchestrator.Silo.Live;

/// <summary>
/// Each hub connection may call at the API's per-user pace (<see cref="ApiOptions.RequestsPerSecond"/>,
/// <see cref="ApiOptions.Burst"/>); a call past it fails with a message and does no work.
/// </summary>
public sealed class HubCallLimit(IOptions<ApiOptions> options) : IHubFilter
{
    private static readonly object Key = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocationContext.Context.Items;
        if (items[Key] is not RateLimiter limiter)
        {
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Value.Burst,
                TokensPerPeriod = options.Value.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            });
            items[Key] = limiter;
        }

        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new HubException("Too many calls; slow down.");
        }

        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        (context.Context.Items[Key] as IDisposable)?.Dispose();
        return next(context, exception);
    }
}

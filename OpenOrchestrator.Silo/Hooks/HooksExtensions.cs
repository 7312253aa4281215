using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Hooks;

public static class HooksExtensions
{
    /// <summary>Each hook's own rate limit, partitioned by its token's hash (the token itself is kept out of memory's keys).</summary>
    public const string PerHookPolicy = "per-hook";

    public static IHostApplicationBuilder AddHooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HookOptions>().BindConfiguration(HookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HookSecrets>();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(PerHookPolicy, context =>
        {
            var hooks = context.RequestServices.GetRequiredService<IOptions<HookOptions>>().Value;
            var key = HookTokens.Hash(context.Request.RouteValues["token"] as string ?? "");
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = hooks.Burst,
                TokensPerPeriod = Math.Max(1, hooks.CallsPerMinute / 6),
                ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                QueueLimit = 0,
            });
        }));
        return builder;
    }
}

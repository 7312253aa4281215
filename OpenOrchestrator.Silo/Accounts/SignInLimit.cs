using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>
/// Guessing passwords is slowed per client address (<see cref="AuthOptions.SignInAttemptsPerMinute"/>)
/// on the endpoints that take a password or an address; the account itself is never locked.
/// </summary>
public static class SignInLimit
{
    public const string Policy = "sign-in";

    private static readonly string[] Guarded = ["login", "register", "forgotPassword", "resetPassword", "resendConfirmationEmail"];

    public static RateLimiterOptions AddSignInLimit(this RateLimiterOptions options) => options.AddPolicy(Policy, context =>
    {
        var perMinute = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SignInAttemptsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    });

    public static TBuilder RequireSignInLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern: var pattern } && Guarded.Contains(LastSegment(pattern), StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(Policy));
            }
        });
        return builder;
    }

    private static string LastSegment(RoutePattern pattern) => pattern.RawText?.TrimEnd('/').Split('/')[^1] ?? "";
}

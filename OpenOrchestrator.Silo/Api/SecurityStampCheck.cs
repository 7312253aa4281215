using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// A cookie or bearer token carries the account's security stamp from when it was issued; a new
/// password or "sign out everywhere" changes the stamp, and from then on every credential issued
/// before is treated as none (401). Checked on each request (a bearer token has no other hook, and
/// the cookie's own validator only looks every 30 minutes) against the stamp kept for
/// <see cref="CacheFor"/>: a change made through this silo evicts it at once, one made through
/// another silo takes effect here within that time.
/// </summary>
public static class SecurityStampCheck
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private static readonly Func<OrchestratorDbContext, string, CancellationToken, Task<string?>> CurrentStamp =
        EF.CompileAsyncQuery((OrchestratorDbContext db, string userId, CancellationToken cancellationToken) =>
            db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefault());

    public static IApplicationBuilder UseSecurityStampCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    });

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var claimType = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.User.FindFirstValue(claimType);
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (stamp is null || userId is null)
        {
            return false;
        }

        var current = await context.RequestServices.GetRequiredService<IMemoryCache>().GetOrCreateAsync(CacheKey(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await context.RequestServices.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync(context.RequestAborted);
            return await CurrentStamp(db, userId, context.RequestAborted);
        });
        return current == stamp;
    }

    /// <summary>After the account's stamp changed through this silo (new password, logout everywhere).</summary>
    public static void Forget(IMemoryCache cache, string userId) => cache.Remove(CacheKey(userId));

    private static string CacheKey(string userId) => $"security-stamp:{userId}";
}

using System.Security.Claims;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// The signed-in user a request is made for, an endpoint parameter bound by <see cref="BindAsync"/>. The routes
/// that take one require a signed-in user, so a handler never sees a request without one.
/// </summary>
public sealed record CurrentUser(string Id)
{
    /// <summary>Minimal APIs' binding: null (a 400) only for a request nobody signed in for.</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? new CurrentUser(id) : null);
    }

    /// <summary>The user of a principal that must have one: a hub connection's, an authorization check's.</summary>
    public static CurrentUser Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? new CurrentUser(id) : throw new InvalidOperationException("No signed-in user.");
    }
}

using System.Security.Claims;

namespace OpenOrchestrator.Silo.Api;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; every /api route but /api/auth requires one.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}

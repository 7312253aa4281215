using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>
/// Wraps the identity API's register endpoint with the instance's registration policy: the first
/// account becomes the admin; after it, <c>first-user</c> mode wants <c>?invitation=CODE</c>.
/// </summary>
public sealed class RegistrationGate(IDbContextFactory<OrchestratorDbContext> dbFactory, IOptions<AuthOptions> options, TimeProvider time) : IEndpointFilter
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Value!.EndsWith("/register", StringComparison.OrdinalIgnoreCase))
        {
            return await next(context);
        }

        var request = context.Arguments.OfType<RegisterRequest>().FirstOrDefault();
        await OneAtATime.WaitAsync(http.RequestAborted);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var first = !await db.Users.AnyAsync(http.RequestAborted);
            InvitationRecord? invitation = null;
            if (!first && options.Value.Registration == AuthOptions.FirstUser)
            {
                var code = http.Request.Query["invitation"].ToString();
                var now = time.GetUtcNow().UtcDateTime;
                invitation = string.IsNullOrEmpty(code) ? null : await db.Invitations.SingleOrDefaultAsync(i => i.CodeHash == Hash(code), http.RequestAborted);
                if (invitation is null || invitation.UsedBy is not null || invitation.ExpiresAt < now)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Registration needs an invitation",
                        detail: "This instance has an owner. Ask them for an invitation code and register with ?invitation=CODE.");
                }
            }

            var result = await next(context);
            if (request is not null && Succeeded(result) && await db.Users.SingleOrDefaultAsync(u => u.Email == request.Email, http.RequestAborted) is { } user)
            {
                user.IsAdmin = first;
                if (invitation is not null)
                {
                    invitation.UsedBy = user.Id;
                }

                await db.SaveChangesAsync(http.RequestAborted);
            }

            return result;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    private static bool Succeeded(object? result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK };
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using OpenOrchestrator.Silo.Api;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>
/// The sign-in endpoints answer alike whether an account exists or not, so they cannot be used to
/// find out who has one: a failed login says only that it failed (never "locked out"), and
/// registering a taken address answers as a new registration does while changing nothing. After
/// a password change the account's cached security stamp is dropped.
/// </summary>
public sealed class AccountAnswers : IEndpointFilter
{
    private static readonly string[] TakenCodes = ["DuplicateUserName", "DuplicateEmail"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var path = context.HttpContext.Request.Path.Value ?? "";
        if (path.EndsWith("/manage/info", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.HttpContext.Request.Method)
            && context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            // A new password changes the stamp: older credentials end at once on this silo.
            SecurityStampCheck.Forget(context.HttpContext.RequestServices.GetRequiredService<IMemoryCache>(), userId);
        }

        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (path.EndsWith("/login", StringComparison.OrdinalIgnoreCase) && inner is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: "Wrong email address or password.");
        }

        if (path.EndsWith("/register", StringComparison.OrdinalIgnoreCase) && inner is ValidationProblem { ProblemDetails.Errors: var errors }
            && errors.Keys.Any(TakenCodes.Contains))
        {
            var rest = errors.Where(e => !TakenCodes.Contains(e.Key)).ToDictionary();
            return rest.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(rest);
        }

        return result;
    }
}

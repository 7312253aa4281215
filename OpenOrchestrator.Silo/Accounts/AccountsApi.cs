using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

public sealed record InvitationView(string Code, DateTimeOffset ExpiresAt);

public static class AccountsApi
{
    /// <summary>The identity API endpoints (register, login, refresh, manage/info) plus logout, logout everywhere and invitations.</summary>
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Accounts");
        // Outermost, so the registration gate sees what Identity really answered.
        group.MapIdentityApi<AppUser>()
            .AddEndpointFilter<IEndpointConventionBuilder, AccountAnswers>()
            .AddEndpointFilter<IEndpointConventionBuilder, RegistrationGate>()
            .RequireSignInLimit();
        group.MapPost("/logout", LogoutAsync);
        group.MapPost("/logout-everywhere", LogoutEverywhereAsync).RequireAuthorization();
        group.MapPost("/invitations", CreateInvitationAsync).RequireAuthorization();
        group.MapGet("/registration", RegistrationAsync);
        return group;
    }

    /// <summary>Whether a visitor should be shown sign-up first: on a new instance there is no account to sign in to.</summary>
    private static async Task<Ok<RegistrationState>> RegistrationAsync(OrchestratorDbContext db, IOptions<AuthOptions> options, CancellationToken cancellationToken)
    {
        var first = !await db.Users.AnyAsync(cancellationToken);
        return TypedResults.Ok(new RegistrationState(first, !first && options.Value.Registration == AuthOptions.FirstUser));
    }

    /// <summary>Ends the cookie session (a bearer token simply expires); harmless when not signed in.</summary>
    private static async Task<NoContent> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Ends every cookie and bearer token of the account, on every device, this one's too.</summary>
    private static async Task<NoContent> LogoutEverywhereAsync(CurrentUser caller, UserManager<AppUser> users, SignInManager<AppUser> signIn, IMemoryCache cache)
    {
        if (await users.FindByIdAsync(caller.Id) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            SecurityStampCheck.Forget(cache, user.Id);
        }

        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> CreateInvitationAsync(
        CurrentUser caller, UserManager<AppUser> users, OrchestratorDbContext db, IOptions<AuthOptions> options, TimeProvider time)
    {
        var user = await users.FindByIdAsync(caller.Id);
        if (user is not { IsAdmin: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the instance's owner can invite.");
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new InvitationRecord
        {
            CodeHash = RegistrationGate.Hash(code),
            CreatedBy = user.Id,
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.InvitationDays),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new InvitationView(code, new DateTimeOffset(invitation.ExpiresAt)));
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>The instance's owner only (<see cref="AppUser.IsAdmin"/>), read from the store on each request so a token cannot outlive the role.</summary>
public static class AdminPolicy
{
    public const string Name = "Admin";

    public static AuthorizationBuilder AddAdminPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new AdminRequirement()));
}

public sealed class AdminRequirement : IAuthorizationRequirement;

public sealed class AdminHandler(UserManager<AppUser> users) : AuthorizationHandler<AdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && await users.FindByIdAsync(CurrentUser.Of(context.User).Id) is { IsAdmin: true })
        {
            context.Succeed(requirement);
        }
    }
}

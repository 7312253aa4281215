using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>A new instance has no account to sign in to: its first visitor is taken to sign-up.</summary>
public sealed class SignInTests : FrontendContext
{
    [Fact]
    public void ANewInstanceOpensOnSignUp()
    {
        Api.On(HttpMethod.Get, "/api/auth/registration", new RegistrationState(FirstAccount: true, NeedsInvitation: false));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("signin");

        var page = Render<SignIn>();

        page.WaitForAssertion(() => Assert.EndsWith("/signup", navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void AnInstanceWithAnOwnerStaysOnSignIn()
    {
        Api.On(HttpMethod.Get, "/api/auth/registration", new RegistrationState(FirstAccount: false, NeedsInvitation: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("signin");

        var page = Render<SignIn>();

        page.WaitForAssertion(() => Assert.Contains("GET /api/auth/registration", Api.Routes));
        Assert.NotNull(page.Find("form[aria-label='Sign in']"));
        Assert.EndsWith("/signin", navigation.Uri, StringComparison.Ordinal);
    }
}

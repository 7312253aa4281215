using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>The user menu's language is kept in localStorage; "as the browser" forgets it; an unknown one is not stored.</summary>
public sealed class LanguageChoiceTests : FrontendContext
{
    private Language Language => Services.GetRequiredService<Language>();

    [Fact]
    public async Task AChosenLanguageIsStoredForTheReload()
    {
        await Language.ChooseAsync("de");

        var stored = JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Equal([Language.StorageKey, "de"], stored.Arguments);
        Assert.Equal("de", Language.Choice);
    }

    [Fact]
    public async Task AsTheBrowserForgetsTheChoice()
    {
        await Language.ChooseAsync(null);

        Assert.Equal([Language.StorageKey], JSInterop.VerifyInvoke("localStorage.removeItem").Arguments);
        Assert.Empty(JSInterop.Invocations["localStorage.setItem"]);
        Assert.Null(Language.Choice);
    }

    [Fact]
    public async Task ALanguageTheAppDoesNotSpeakIsNotStored()
    {
        await Language.ChooseAsync("fr");

        Assert.Empty(JSInterop.Invocations["localStorage.setItem"]);
        Assert.Null(Language.Choice);
    }
}

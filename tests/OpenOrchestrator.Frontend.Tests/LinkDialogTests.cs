using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class LinkDialogTests : FrontendContext
{
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<LinkDialog>("New link", new DialogParameters<LinkDialog> { { d => d.Bots, [Bot()] } }));
        provider.WaitForElement("#link-target");
        return provider;
    }

    [Fact]
    public async Task ANotificationTheServerCannotSendIsMarkedInItsOptionAndSaysWhyOnceChosen()
    {
        Api.On(HttpMethod.Get, "/api/notifications/channels", new ChannelStatus[]
        {
            new(NotifyChannels.Dashboard, true, null),
            new(NotifyChannels.Telegram, true, null),
            new(NotifyChannels.Email, false, "E-mail is not set up on this server (Smtp__Host)."),
        });
        var dialog = await OpenAsync();

        dialog.WaitForAssertion(() => Assert.Contains("Send an e-mail (not set up)", dialog.Find("#link-target").TextContent));
        Assert.DoesNotContain("Send a Telegram message (not set up)", dialog.Find("#link-target").TextContent);
        Assert.Empty(dialog.FindAll("#link-target-hint"));

        dialog.Find("#link-target").Change(TargetActions.NotifyEmail);

        dialog.WaitForAssertion(() => Assert.Equal("E-mail is not set up on this server (Smtp__Host).", dialog.Find("#link-target-hint").TextContent));
        Assert.DoesNotContain(Api.Routes, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADepthOfZeroIsAnErrorAtTheFieldNotASilentOne()
    {
        var dialog = await OpenAsync();

        dialog.Find("#link-depth").Input("0");

        dialog.WaitForAssertion(() => Assert.Contains("At least 1.", dialog.Find("#link-depth").Closest(".mud-input-control")!.TextContent));
        Assert.Equal("0", dialog.Find("#link-depth").GetAttribute("value"));
    }
}

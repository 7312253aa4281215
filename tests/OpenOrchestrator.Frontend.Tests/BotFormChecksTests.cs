using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>What the bot form tells at once, before anything is saved: a number out of range, a channel that cannot deliver.</summary>
public sealed class BotFormChecksTests : FrontendContext
{
    private static readonly IReadOnlyList<ChannelStatus> NothingSetUp =
    [
        new(NotifyChannels.Dashboard, true, null),
        new(NotifyChannels.Telegram, false, "Telegram is not set up on this server (Telegram__BotToken); you can add a bot token of your own in Settings."),
        new(NotifyChannels.Email, false, "Add your e-mail address in Settings first."),
    ];

    private IRenderedComponent<BotForm> RenderForm(IReadOnlyList<ChannelStatus>? channels = null) =>
        Render<BotForm>(p => p
            .Add(f => f.Models, [new ModelInfo("gpt-4o-mini", "openai", true)])
            .Add(f => f.Channels, channels ?? []));

    private static string FieldText(IRenderedComponent<BotForm> form, string id) => form.Find(id).Closest(".mud-input-control")!.TextContent;

    [Fact]
    public void TypingZeroMinutesIsAnErrorAtTheFieldNotASilentOne()
    {
        var form = RenderForm();
        form.Find("#bot-name").Input("eBay-Scout");
        form.Find("#bot-prompt").Input("Find deals.");
        form.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == "Every N minutes").QuerySelector("input")!.Click();
        form.WaitForElement("#bot-every");

        form.Find("#bot-every").Input("0");

        form.WaitForAssertion(() => Assert.Contains("At least 1 minute.", FieldText(form, "#bot-every")));
        Assert.Equal(0, form.Instance.Draft.EveryMinutes);
        form.Find("form").Submit();
        Assert.Empty(Api.Sent);
        Assert.Equal(0, form.Instance.Draft.EveryMinutes);

        form.Find("#bot-every").Input("15");

        form.WaitForAssertion(() => Assert.DoesNotContain("At least 1 minute.", FieldText(form, "#bot-every")));
    }

    [Fact]
    public void AChannelThatCannotDeliverSaysWhyBesideItsChoiceBeforeSaving()
    {
        var form = RenderForm(NothingSetUp);

        Assert.Equal("Telegram is not set up on this server (Telegram__BotToken); you can add a bot token of your own in Settings.",
            form.Find("#bot-notify-telegram-hint").TextContent);
        Assert.Equal("Add your e-mail address in Settings first.", form.Find("#bot-notify-email-hint").TextContent);
        Assert.Empty(form.FindAll("#bot-notify-dashboard-hint"));
        Assert.DoesNotContain("chosen", form.Find("#bot-notify-email-hint").ClassList);

        form.FindAll("label.mud-checkbox").Single(l => l.TextContent.Trim() == "E-mail").QuerySelector("input")!.Change(true);

        form.WaitForAssertion(() => Assert.Contains("chosen", form.Find("#bot-notify-email-hint").ClassList));
        Assert.Empty(Api.Sent);
    }

    [Fact]
    public void ChannelsThatAreSetUpSayNothing()
    {
        var form = RenderForm([.. NotifyChannels.All.Select(c => new ChannelStatus(c, true, null))]);

        Assert.Empty(form.FindAll(".channel-hint"));
    }
}

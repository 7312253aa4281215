using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Mail;

/// <summary>An IMAP server that goes down: settings say so, and the mail that arrived meanwhile is read once it is back.</summary>
[Trait("Category", "Imap")]
public sealed class MailboxDownTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task AServerThatIsDownIsShownInSettingsAndItsMailIsReadWhenItIsBack()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);
        await client.WaitForSettingsAsync(s => s.Imap?.LastCheckedAt is not null);

        await fixture.Imap.StopAsync();
        var down = await client.WaitForSettingsAsync(s => s.Imap?.LastError is not null);
        await fixture.Imap.StartAsync();
        await fixture.Imap.DeliverAsync(user, MailClient.Message("kim@customer.example", "While you were away", "Hello again.", "away@customer.example"));
        var run = Assert.Single(await client.WaitForRunsAsync(bot.Id, 1));
        var back = await client.WaitForSettingsAsync(s => s.Imap?.LastError is null);

        Assert.Contains(fixture.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), down.Imap!.LastError, StringComparison.Ordinal);
        Assert.Contains("<away@customer.example>", run.Input, StringComparison.Ordinal);
        Assert.NotNull(back.Imap!.LastCheckedAt);
    }
}

using MailKit.Net.Imap;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Mail;

/// <summary>A server without IDLE is polled: its mail still starts one run each.</summary>
[Trait("Category", "Imap")]
public sealed class MailPollingTests(PollingMailFixture fixture) : IClassFixture<PollingMailFixture>
{
    [Fact]
    public async Task AMailboxWhoseServerHasNoIdleIsPolled()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);
        await client.WaitForSettingsAsync(s => s.Imap?.LastCheckedAt is not null);
        using var probe = new ImapClient();
        await probe.ConnectAsync(fixture.Imap.Host, fixture.Imap.Port, MailKit.Security.SecureSocketOptions.None);
        await probe.AuthenticateAsync(user, MailFixture.Password);

        await fixture.Imap.DeliverAsync(user, MailClient.Message("kim@customer.example", "Polled", "Found by looking.", "polled@customer.example"));
        await fixture.Imap.DeliverAsync(user, MailClient.Message("lee@customer.example", "Polled too", "Also found.", "polled-2@customer.example"));
        var runs = await client.WaitForRunsAsync(bot.Id, 2);
        await fixture.Imap.WaitForUnseenAsync(user, 0);

        Assert.False(probe.Capabilities.HasFlag(ImapCapabilities.Idle));
        Assert.Equal(2, runs.Count);
        Assert.Single(runs, r => r.Input!.Contains("<polled-2@customer.example>", StringComparison.Ordinal));
    }
}

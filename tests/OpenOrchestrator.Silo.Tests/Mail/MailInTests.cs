using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Mail;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mail;

/// <summary>Bots scheduled <c>mail</c> against a real dovecot: one run per message, once per Message-ID, replies in the thread.</summary>
[Trait("Category", "Imap")]
public sealed class MailInTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static ModelReply DraftFor(ModelRequest request) => request.Round() == 0
        ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new
        {
            title = "Draft " + Guid.NewGuid().ToString("N"),
            content = "Hello,\n\nyour parcel is on its way.\n\nYour support team",
        }))
        : ModelReply.Text("1 draft.");

    [Fact]
    public async Task AMailStartsOneRunWithItsHeadersAndTextAndIsMarkedSeenAfterwards()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);

        await fixture.Imap.DeliverAsync(user, MailClient.Message("Kim <kim@customer.example>", "Where is my parcel?", "I ordered on Monday.", "parcel-1@customer.example"));
        var run = Assert.Single(await client.WaitForRunsAsync(bot.Id, 1));
        await fixture.Imap.WaitForUnseenAsync(user, 0);

        Assert.Equal(RunTriggers.Mail, run.Trigger);
        Assert.Contains("From: \"Kim\" <kim@customer.example>", run.Input, StringComparison.Ordinal);
        Assert.Contains("To: support@shop.example", run.Input, StringComparison.Ordinal);
        Assert.Contains("Subject: Where is my parcel?", run.Input, StringComparison.Ordinal);
        Assert.Contains("Message-ID: <parcel-1@customer.example>", run.Input, StringComparison.Ordinal);
        Assert.Contains("Date: ", run.Input, StringComparison.Ordinal);
        Assert.EndsWith("I ordered on Monday.", run.Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameMessageIdDeliveredTwiceStartsOneRunPerBot()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var first = await client.CreateMailBotAsync("First");
        var second = await client.CreateMailBotAsync("Second");
        await client.UseMailboxAsync(fixture.Imap, user);

        await fixture.Imap.DeliverAsync(user, MailClient.Message("kim@customer.example", "Refund", "Please refund.", "twice@customer.example"));
        await client.WaitForRunsAsync(first.Id, 1);
        await fixture.Imap.WaitForUnseenAsync(user, 0);
        await fixture.Imap.DeliverAsync(user, MailClient.Message("kim@customer.example", "Refund", "Please refund.", "twice@customer.example"));
        await fixture.Imap.DeliverAsync(user, MailClient.Message("lee@customer.example", "Invoice", "Where is my invoice?", "later@customer.example"));
        await fixture.Imap.WaitForUnseenAsync(user, 0);
        var firstRuns = await client.WaitForRunsAsync(first.Id, 2);
        var secondRuns = await client.WaitForRunsAsync(second.Id, 2);

        Assert.Equal(2, firstRuns.Count);
        Assert.Equal(2, secondRuns.Count);
        Assert.Single(firstRuns, r => r.Input!.Contains("<twice@customer.example>", StringComparison.Ordinal));
        Assert.Single(secondRuns, r => r.Input!.Contains("<later@customer.example>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoReadersHandingOnTheSameMessageAtOnceStartOneRun()
    {
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        var owner = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!;
        var ownerId = await fixture.App.Services.QueryAsync(db => db.Bots.Where(b => b.Id == owner.Id).Select(b => b.OwnerId).SingleAsync());
        var delivery = fixture.App.Services.GetRequiredService<MailDelivery>();
        var mail = IncomingMail.From(MailClient.Message("kim@customer.example", "Twice at once", "Hello.", "at-once@customer.example"), "unused@mailbox.invalid", 1_000);

        var handled = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => delivery.DeliverAsync(ownerId, mail, CancellationToken.None))));
        var runs = await client.WaitForRunsAsync(bot.Id, 1);

        Assert.All(handled, Assert.True);
        Assert.Single(runs);
        Assert.Equal(1, await fixture.App.Services.QueryAsync(db => db.MailMessages.CountAsync(m => m.OwnerId == ownerId)));
    }

    [Fact]
    public async Task AnApprovedDraftAnsweringAMailIsSentToItsSenderInTheThread()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);
        fixture.Model.SetScript(DraftFor);
        var mail = MailClient.Message("Kim <kim@customer.example>", "Where is my parcel?", "I ordered on Monday.", "thread-2@customer.example");
        mail.ReplyTo.Add(MailboxAddress.Parse("orders@customer.example"));
        mail.References.Add("thread-1@customer.example");

        await fixture.Imap.DeliverAsync(user, mail);
        await client.WaitForRunsAsync(bot.Id, 1);
        var draft = Assert.Single(await client.ResultsAsync(bot.Id, ResultFilters.Awaiting));
        (await client.PostAsync($"/api/results/{draft.Id}/approve", null)).EnsureSuccessStatusCode();
        var reply = await fixture.Smtp.WaitForMessageToAsync("orders@customer.example", MailClient.Deadline);

        Assert.Equal("Re: Where is my parcel?", reply.Subject);
        Assert.Equal("thread-2@customer.example", reply.InReplyTo);
        Assert.Equal(["thread-1@customer.example", "thread-2@customer.example"], reply.References);
        Assert.Contains("your parcel is on its way", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCustomersAskingTheSameGetADraftEachThoughTheirTitlesMatch()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Re: Where is my parcel?", content = "It is on its way." }))
            : ModelReply.Text("1 draft."));

        await fixture.Imap.DeliverAsync(user, MailClient.Message("kim@customer.example", "Where is my parcel?", "Ordered Monday.", "same-1@customer.example"));
        await fixture.Imap.DeliverAsync(user, MailClient.Message("lee@customer.example", "Where is my parcel?", "Ordered Tuesday.", "same-2@customer.example"));
        await client.WaitForRunsAsync(bot.Id, 2);
        var drafts = await client.ResultsAsync(bot.Id, ResultFilters.Awaiting);
        foreach (var draft in drafts)
        {
            (await client.PostAsync($"/api/results/{draft.Id}/approve", null)).EnsureSuccessStatusCode();
        }

        Assert.Equal(2, drafts.Count);
        Assert.Equal("Re: Where is my parcel?", (await fixture.Smtp.WaitForMessageToAsync("kim@customer.example", MailClient.Deadline)).Subject);
        Assert.Equal("Re: Where is my parcel?", (await fixture.Smtp.WaitForMessageToAsync("lee@customer.example", MailClient.Deadline)).Subject);
    }

    [Fact]
    public async Task ARepliedSubjectGetsNoSecondRe()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);
        fixture.Model.SetScript(DraftFor);

        await fixture.Imap.DeliverAsync(user, MailClient.Message("ria@customer.example", "RE: Your offer", "Thanks!", "re-1@customer.example"));
        await client.WaitForRunsAsync(bot.Id, 1);
        var draft = Assert.Single(await client.ResultsAsync(bot.Id, ResultFilters.Awaiting));
        (await client.PostAsync($"/api/results/{draft.Id}/approve", null)).EnsureSuccessStatusCode();
        var reply = await fixture.Smtp.WaitForMessageToAsync("ria@customer.example", MailClient.Deadline);

        Assert.Equal("RE: Your offer", reply.Subject);
        Assert.Equal(["re-1@customer.example"], reply.References);
    }

    [Fact]
    public async Task MailWithoutMessageIdOrWithBrokenMimeOrTooMuchTextDoesNotHoldUpTheMailbox()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        var bot = await client.CreateMailBotAsync();
        await client.UseMailboxAsync(fixture.Imap, user);
        var attached = MailClient.Message("big@customer.example", "Long story", new string('x', MailFixture.MaxTextChars * 3), "long@customer.example");
        var body = new Multipart("mixed") { attached.Body!, new MimePart("application", "pdf") { FileName = "invoice.pdf", Content = new MimeContent(new MemoryStream(new byte[5000])) } };
        attached.Body = body;

        await fixture.Imap.DeliverRawAsync(user, "From: anon@customer.example\r\nSubject: No id\r\n\r\nA message without a Message-ID.\r\n");
        await fixture.Imap.DeliverRawAsync(user,
            "From: broken@customer.example\r\nSubject: Broken\r\nMessage-ID: <broken@customer.example>\r\nContent-Type: multipart/mixed; boundary=\"never\"\r\n\r\n--wrong\r\nnot closed");
        await fixture.Imap.DeliverAsync(user, attached);
        var runs = await client.WaitForRunsAsync(bot.Id, 3);
        await fixture.Imap.WaitForUnseenAsync(user, 0);

        Assert.Equal(3, runs.Count);
        Assert.Single(runs, r => r.Input!.Contains("A message without a Message-ID.", StringComparison.Ordinal) && r.Input.Contains("@mailbox.invalid>", StringComparison.Ordinal));
        Assert.Single(runs, r => r.Input!.Contains("Subject: Broken", StringComparison.Ordinal));
        var longRun = Assert.Single(runs, r => r.Input!.Contains("Subject: Long story", StringComparison.Ordinal));
        Assert.Contains("Attachments (not included): invoice.pdf (application/pdf", longRun.Input, StringComparison.Ordinal);
        Assert.Contains("cut at 2,000 characters", longRun.Input, StringComparison.Ordinal);
        Assert.True(longRun.Input!.Length < MailFixture.MaxTextChars + 1_000);
    }

    [Fact]
    public async Task SettingsShowTheMailboxAndWhetherAPasswordIsSetButNeverThePassword()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        await client.CreateMailBotAsync();

        await client.UseMailboxAsync(fixture.Imap, user);
        var settings = await client.WaitForSettingsAsync(s => s.Imap?.LastCheckedAt is not null);
        var raw = await client.GetStringAsync("/api/settings");

        Assert.Equal((fixture.Imap.Host, fixture.Imap.Port, user, true, "INBOX", ImapSecurities.None),
            (settings.Imap!.Host, settings.Imap.Port, settings.Imap.Username, settings.Imap.PasswordSet, settings.Imap.Folder, settings.Imap.Security));
        Assert.Null(settings.Imap.LastError);
        Assert.DoesNotContain(MailFixture.Password, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailboxSettingsOutOfRangeAreRefusedAtTheirFields()
    {
        var client = await fixture.App.SignUpAsync();
        var update = new SettingsUpdate(null, null, null, null, null) { Imap = new ImapSettingsUpdate("imap.example.com", 70000, "me", null, "", "tls") };

        var response = await client.PutAsJsonAsync("/api/settings", update);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["imap.folder", "imap.port", "imap.security"], problem!.Errors.Keys.Order());
    }

    [Fact]
    public async Task TheConnectionTestSaysWhatIsWrong()
    {
        var user = fixture.NextMailboxUser();
        var client = await fixture.App.SignUpAsync();
        await client.UseMailboxAsync(fixture.Imap, user);

        var works = await TestAsync(client, new ImapSettingsUpdate(null, null, null, null, null, null));
        var wrongPassword = await TestAsync(client, new ImapSettingsUpdate(null, null, null, "wrong", null, null));
        var noFolder = await TestAsync(client, new ImapSettingsUpdate(null, null, null, null, "Archive/Missing", null));
        var closedPort = await TestAsync(client, new ImapSettingsUpdate(null, Ports.Free(), null, null, null, null));
        var privateHost = await TestAsync(client, new ImapSettingsUpdate("10.0.0.1", 993, null, null, null, null));

        Assert.True(works.Ok, works.Problem);
        Assert.Equal(0, works.Messages);
        Assert.Contains("did not accept the username and password", wrongPassword.Problem, StringComparison.Ordinal);
        Assert.Contains("Archive/Missing", noFolder.Problem, StringComparison.Ordinal);
        Assert.Contains("Could not reach", closedPort.Problem, StringComparison.Ordinal);
        Assert.Contains("Tools__Network__AllowedHosts", privateHost.Problem, StringComparison.Ordinal);
        Assert.All(new[] { wrongPassword, noFolder, closedPort, privateHost }, r => Assert.False(r.Ok));
    }

    private static async Task<ImapTestResult> TestAsync(HttpClient client, ImapSettingsUpdate update)
    {
        var response = await client.PostAsJsonAsync("/api/settings/imap/test", update);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ImapTestResult>())!;
    }
}

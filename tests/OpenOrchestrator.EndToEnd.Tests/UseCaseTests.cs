using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The seed's four use cases, each from a template, against the real process and the scripted servers.</summary>
public sealed class UseCaseTests(UseCaseEnvironment env) : IClassFixture<UseCaseEnvironment>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>A mail's way in: the mailbox is found within a second, the message at once over IDLE; the machine may be busy.</summary>
    private static readonly TimeSpan MailDeadline = TimeSpan.FromSeconds(90);

    private async Task<HttpClient> SignUpAsync()
    {
        var client = env.Silo.CreateClient();
        await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        return client;
    }

    private static async Task<TemplateInstance> FromTemplateAsync(HttpClient client, string template)
    {
        var response = await client.PostAsync($"/api/templates/{template}", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TemplateInstance>())!;
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task TheScoutFindsTwoOffersSendsOneTelegramMessageAndNothingWhenNothingIsNew()
    {
        var client = await SignUpAsync();
        var chat = Random.Shared.NextInt64(10_000_000, 90_000_000);
        var code = (await (await client.PostAsync("/api/settings/telegram/link", null)).Content.ReadFromJsonAsync<TelegramLinkCode>())!;
        env.Telegram.AddIncoming(chat, $"/start {code.Code}");
        var linked = await client.PostAsync("/api/settings/telegram/link/check", null);
        var scout = (await FromTemplateAsync(client, "ebay-scout")).Bots.Single();
        var first = new Listing($"s1-{chat}", "Nike Air Max 90 size 43", 35m);
        var second = new Listing($"s2-{chat}", "Nike Air Max 97 size 42", 48m);
        env.Shop.Add(first);
        env.Shop.Add(second);
        env.Model.SetScript(r => Scripts.RenderedScout(r, env.Shop.ScriptedListingsUrl));
        using var plain = new HttpClient();
        var html = await plain.GetStringAsync(env.Shop.ScriptedListingsUrl);

        var found = await client.RunAsync(scout.Id);
        var message = await env.Telegram.WaitForMessageAsync(m => m.ChatId == $"{chat}" && m.Text.Contains("new results", StringComparison.Ordinal), Deadline);
        var nothingNew = await client.RunAsync(scout.Id);

        Assert.Equal($"{chat}", (await linked.Content.ReadFromJsonAsync<SettingsView>())!.TelegramChatId);
        Assert.DoesNotContain(first.Title, html, StringComparison.Ordinal);
        Assert.Equal(new RunCounts(2, 0), found.Counts);
        Assert.Contains(await client.LogAsync(found.Id), l => l.Message.StartsWith("→ browser.open", StringComparison.Ordinal));
        Assert.StartsWith("🛒 eBay-Scout: 2 new results", message.Text, StringComparison.Ordinal);
        Assert.Contains($"• Nike Air Max 90 size 43 — 35 €\n  {env.Shop.ListingUrl(first)}", message.Text, StringComparison.Ordinal);
        Assert.Contains($"• Nike Air Max 97 size 42 — 48 €\n  {env.Shop.ListingUrl(second)}", message.Text, StringComparison.Ordinal);
        Assert.Equal(0, nothingNew.Counts.NewResults);
        var bell = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!.Items;
        Assert.DoesNotContain(bell, n => n.RunId == nothingNew.Id);
        Assert.Equal(DeliveryStatuses.Sent, bell.Single(n => n.RunId == found.Id).Deliveries.Single().Status);
        Assert.Single(env.Telegram.Sent, m => m.ChatId == $"{chat}" && m.Text.Contains("new result", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDevBotWritesCodeAndTheTestBotStartsByTriggerReadsItAndReports()
    {
        var client = await SignUpAsync();
        var pipeline = await FromTemplateAsync(client, "dev-test");
        var dev = pipeline.Bots.Single(b => b.Name == "Dev-Bot");
        var tester = pipeline.Bots.Single(b => b.Name == "Test-Bot");
        const string Code = "def add(a, b):\n    return a + b\n";
        const string Test = "from add import add\nassert add(2, 3) == 5\nprint('1 test passed')\n";
        var testerDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        env.Model.SetScript(r => r.SystemPrompt!.Contains("implement it", StringComparison.Ordinal)
            ? r.Round() == 0
                ? ModelReply.ToolCalls(ModelToolCall.Create("files-write", new { path = "add.py", content = Code }))
                : ModelReply.Text("Wrote add.py.")
            : r.Round() switch
            {
                0 => ModelReply.ToolCalls(ModelToolCall.Create("files-read", new { path = "add.py", from = dev.Id })),
                1 => ModelReply.ToolCalls(
                    ModelToolCall.Create("files-write", new { path = "add.py", content = r.ToolResults.Single().Content }),
                    ModelToolCall.Create("files-write", new { path = "test_add.py", content = Test })),
                2 => ModelReply.ToolCalls(ModelToolCall.Create("code-run", new { command = "python3 test_add.py" })),
                3 => ModelReply.ToolCalls(ModelToolCall.Create("results-report", new
                {
                    title = r.ToolResults[^1].Content.Contains("1 test passed", StringComparison.Ordinal) ? "Tests passed" : "Tests failed",
                    content = r.ToolResults[^1].Content,
                })),
                _ => Done(testerDone, ModelReply.Text("Tested add.py.")),
            });

        var devRun = await client.RunAsync(dev.Id);
        await testerDone.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var testRun = await client.WaitForRunAsync((await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{tester.Id}/runs"))!.Single().Id);

        Assert.Equal(RunStatuses.Completed, devRun.Status);
        Assert.Equal(Code, await client.GetStringAsync($"/api/bots/{dev.Id}/docs/add.py"));
        Assert.Equal(RunStatuses.Completed, testRun.Status);
        Assert.Equal(RunTriggers.FromBot(dev.Id), testRun.Trigger);
        var report = Assert.Single(await client.ResultsAsync(tester.Id));
        Assert.Equal("Tests passed", report.Title);
        Assert.StartsWith("Exit code 0 after", report.Content, StringComparison.Ordinal);
        Assert.Contains("1 test passed", report.Content, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Imap")]
    public async Task TheSupportDrafterAnswersAMailFromTheMailboxInItsThreadOnlyAfterApproval()
    {
        var client = await SignUpAsync();
        var drafter = (await FromTemplateAsync(client, "support-mail")).Bots.Single();
        var customer = $"{Guid.NewGuid():N}@customer.example";
        env.Model.SetScript(r => Scripts.SupportDraft(r, customer));
        var update = new SettingsUpdate(null, null, null, null, null)
        {
            Imap = new ImapSettingsUpdate(env.Imap.Host, env.Imap.Port, UseCaseEnvironment.MailboxUser, UseCaseEnvironment.MailboxPassword, "INBOX", ImapSecurities.None),
        };
        (await client.PutAsJsonAsync("/api/settings", update)).EnsureSuccessStatusCode();
        var incoming = new MimeKit.MimeMessage { Subject = "Where is my parcel?", Body = new MimeKit.TextPart("plain") { Text = "I ordered a week ago. Where is it?" } };
        incoming.From.Add(new MimeKit.MailboxAddress("Kim", customer));
        incoming.To.Add(MimeKit.MailboxAddress.Parse("support@shop.example"));
        incoming.MessageId = $"{Guid.NewGuid():N}@customer.example";

        await env.Imap.DeliverAsync(UseCaseEnvironment.MailboxUser, incoming);
        // The mail's run stores its draft before it ends: once it has ended, the draft is there.
        var run = await client.WaitForRunAsync(Assert.Single(await client.WaitForEndedRunsAsync(drafter.Id, 1, MailDeadline)).Id);
        var draft = Assert.Single(await client.ResultsAsync(drafter.Id, ResultFilters.Awaiting));
        var mailedBefore = env.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == customer));
        var approve = await client.PostAsJsonAsync($"/api/results/{draft.Id}/approve",
            new ResultApproval(null, "Hello Kim,\n\nyour parcel left us yesterday; it arrives by Friday.\n\nYour support team"));
        var mail = await env.Smtp.WaitForMessageToAsync(customer, TimeSpan.FromSeconds(30));

        Assert.Equal(ScheduleKinds.Mail, drafter.Schedule.Kind);
        Assert.Equal((RunTriggers.Mail, RunStatuses.Completed), (run.Trigger, run.Status));
        Assert.Contains($"Message-ID: <{incoming.MessageId}>", run.Input, StringComparison.Ordinal);
        Assert.Contains("I ordered a week ago. Where is it?", run.Input, StringComparison.Ordinal);
        Assert.Equal(0, mailedBefore);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("Re: Where is my parcel?", mail.Subject);
        Assert.Equal(incoming.MessageId, mail.InReplyTo);
        Assert.Equal([incoming.MessageId], mail.References);
        Assert.Contains("it arrives by Friday.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSupportDraftOfAMailPastedIntoTheInputFieldWaitsForApprovalAndIsMailedOnlyAfterIt()
    {
        var client = await SignUpAsync();
        var drafter = (await FromTemplateAsync(client, "support-mail")).Bots.Single();
        var customer = $"{Guid.NewGuid():N}@customer.example";
        env.Model.SetScript(r => Scripts.SupportDraft(r, customer));

        var run = await client.RunAsync(drafter.Id, $"From: Kim <{customer}>\nSubject: Where is my parcel?\n\nI ordered a week ago. Where is it?");
        var draft = Assert.Single(await client.ResultsAsync(drafter.Id, ResultFilters.Awaiting));
        var mailedBefore = env.Smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == customer));
        var approve = await client.PostAsJsonAsync($"/api/results/{draft.Id}/approve",
            new ResultApproval(null, "Hello Kim,\n\nyour parcel left us yesterday; it arrives by Friday.\n\nYour support team"));
        var mail = await env.Smtp.WaitForMessageToAsync(customer, TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.True(drafter.RequireApproval);
        Assert.Equal(0, mailedBefore);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("Re: Where is my parcel?", mail.Subject);
        Assert.Equal("bots@orchestrator.example", mail.From.Mailboxes.Single().Address);
        Assert.Contains("it arrives by Friday.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Hello Kim,</p>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResearchDigestArrivesByMailAsHtmlOnItsSchedule()
    {
        var client = await SignUpAsync();
        var reader = $"{Guid.NewGuid():N}@reader.example";
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, reader, null, null, null))).EnsureSuccessStatusCode();
        var research = (await FromTemplateAsync(client, "research-digest")).Bots.Single();
        env.Search.Script = _ => SearchReply.With(new SearchHit("Orleans 10 released", "https://news.example/orleans-10", "Grains, faster."));
        env.Model.SetScript(r => r.Round() switch
        {
            0 => ModelReply.ToolCalls(ModelToolCall.Create("web-search", new { query = ".NET and Orleans releases" })),
            1 => ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Orleans 10 released", url = "https://news.example/orleans-10", content = "Grains, faster." }),
                ModelToolCall.Create("results-report", new { title = "Agents <in> production", url = "https://news.example/agents", content = "What works." })),
            _ => ModelReply.Text("2 findings."),
        });

        // Every minute instead of every morning: the schedule, not the test, starts the run.
        var spec = research.ToSpec() with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.Cron, Cron = "* * * * *" } };
        (await client.PutAsJsonAsync($"/api/bots/{research.Id}", spec)).EnsureSuccessStatusCode();
        var mail = await env.Smtp.WaitForMessageToAsync(reader, TimeSpan.FromSeconds(150));
        var runs = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{research.Id}/runs"))!;

        Assert.Equal(RunTriggers.Schedule, runs.Last().Trigger);
        Assert.Equal("📰 Research-Digest: 2 new results", mail.Subject);
        Assert.Contains("<a href=\"https://news.example/orleans-10\">Orleans 10 released</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Agents &lt;in&gt; production", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("• Orleans 10 released\n  https://news.example/orleans-10", mail.TextBody, StringComparison.Ordinal);
    }

    private static ModelReply Done(TaskCompletionSource done, ModelReply reply)
    {
        done.TrySetResult();
        return reply;
    }
}

using System.Net.Http.Json;
using MimeKit;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// Mail across a crash: the process is killed after a mail's run and draft are stored and before the draft is
/// approved; the mail is unread again (as if the kill came before it was marked seen) and another arrives while
/// the process is down. After the restart each mail has exactly one run, and the approved draft is the reply.
/// </summary>
[Trait("Category", "Imap")]
public sealed class MailRestartTests : IAsyncLifetime
{
    private const string User = "support";
    private const string Password = "support-secret";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly SiloEnvironment _env = new();
    private DovecotServer _imap = null!;
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync()
    {
        await _env.InitializeAsync();
        _imap = await DovecotServer.StartAsync(new Dictionary<string, string> { [User] = Password });
        _smtp = await SmtpSink.StartAsync();
    }

    [Fact]
    public async Task ARestartBetweenAMailAndItsApprovalNeitherLosesNorDoublesAMail()
    {
        _env.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Draft " + Guid.NewGuid().ToString("N"), content = "Hello, it is on its way." }))
            : ModelReply.Text("1 draft."));
        var variables = _env.Variables(
            ("Tools__Network__AllowedHosts", _imap.Host),
            ("Smtp__Host", _smtp.Host),
            ("Smtp__Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Smtp__From", "support@orchestrator.example"),
            ("Mail__RefreshSeconds", "1"));
        var first = Message("kim@customer.example", "Where is my parcel?", "first-parcel@customer.example");
        var second = Message("lee@customer.example", "Invoice", "second-invoice@customer.example");
        HttpClient client;
        string botId;
        await using (var silo = await SiloProcess.StartAsync(_env.DataPath, variables))
        {
            client = silo.CreateClient();
            await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
            botId = (await client.CreateBotAsync(ApiClient.Spec("Support", "Draft answers.") with
            {
                Schedule = new ScheduleSpec { Kind = ScheduleKinds.Mail },
                RequireApproval = true,
            })).Id;
            var update = new SettingsUpdate(null, null, null, null, null) { Imap = new ImapSettingsUpdate(_imap.Host, _imap.Port, User, Password, "INBOX", ImapSecurities.None) };
            (await client.PutAsJsonAsync("/api/settings", update)).EnsureSuccessStatusCode();
            await _imap.DeliverAsync(User, first);
            await client.WaitForEndedRunsAsync(botId, 1, Deadline);
            await _imap.WaitForUnseenAsync(User, 0, Deadline);
            await silo.KillAsync();
        }

        await _imap.MarkAllUnseenAsync(User);
        await _imap.DeliverAsync(User, second);
        await using var restarted = await SiloProcess.StartAsync(_env.DataPath, variables);
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var runs = await again.WaitForEndedRunsAsync(botId, 2, Deadline);
        await _imap.WaitForUnseenAsync(User, 0, Deadline);
        var drafts = await again.ResultsAsync(botId, ResultFilters.Awaiting);
        var firstRun = Assert.Single(runs, r => r.Input!.Contains("<first-parcel@customer.example>", StringComparison.Ordinal));
        var draft = Assert.Single(drafts, d => d.RunId == firstRun.Id);
        (await again.PostAsync($"/api/results/{draft.Id}/approve", null)).EnsureSuccessStatusCode();
        var reply = await _smtp.WaitForMessageToAsync("kim@customer.example", Deadline);
        var runsAtTheEnd = (await again.GetFromJsonAsync<List<RunView>>($"/api/bots/{botId}/runs"))!;

        Assert.Equal(2, runsAtTheEnd.Count);
        Assert.Single(runsAtTheEnd, r => r.Input!.Contains("<second-invoice@customer.example>", StringComparison.Ordinal));
        Assert.Equal("Re: Where is my parcel?", reply.Subject);
        Assert.Equal("first-parcel@customer.example", reply.InReplyTo);
        Assert.Equal(["first-parcel@customer.example"], reply.References);
    }

    private static MimeMessage Message(string from, string subject, string messageId)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = $"About: {subject}" }, MessageId = messageId };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@shop.example"));
        return message;
    }

    public async Task DisposeAsync()
    {
        await _imap.DisposeAsync();
        await _smtp.DisposeAsync();
        await _env.DisposeAsync();
    }
}

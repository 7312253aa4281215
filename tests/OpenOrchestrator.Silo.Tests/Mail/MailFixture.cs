using System.Globalization;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mail;

/// <summary>
/// One app reading mail from its own dovecot (a user per test, so tests do not see each other's mail) and sending
/// through a real SMTP sink; mailboxes are looked for every second and a failed server tried again within two.
/// </summary>
public class MailFixture : IAsyncLifetime
{
    public const string Password = "imap-secret";
    public const int MaxTextChars = 2_000;

    private readonly bool _idle;
    private int _nextUser;

    public MailFixture()
        : this(idle: true)
    {
    }

    protected MailFixture(bool idle) => _idle = idle;

    public ScriptedModelServer Model { get; private set; } = null!;
    public DovecotServer Imap { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public OrchestratorApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Imap = await DovecotServer.StartAsync(Enumerable.Range(1, 20).ToDictionary(i => $"user{i}", _ => Password), _idle);
        Smtp = await SmtpSink.StartAsync();
        App = new OrchestratorApp(OrchestratorApp.SettingsFor(Model,
            ("Tools:Network:AllowedHosts", Imap.Host),
            ("Smtp:Host", Smtp.Host), ("Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture)), ("Smtp:From", "support@orchestrator.test"),
            ("Mail:RefreshSeconds", "1"), ("Mail:RetryMaxSeconds", "2"), ("Mail:PollSeconds", "1"), ("Mail:MaxTextChars", MaxTextChars.ToString(CultureInfo.InvariantCulture))));
        App.StartServer();
    }

    /// <summary>A mailbox user of this dovecot no other test reads.</summary>
    public string NextMailboxUser() => $"user{Interlocked.Increment(ref _nextUser)}";

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Model.DisposeAsync();
        await Imap.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The same, against a dovecot that does not offer IDLE: the mailbox is polled (every second here).</summary>
public sealed class PollingMailFixture() : MailFixture(idle: false);

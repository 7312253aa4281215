using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// The seed's four use cases share one real silo process and every scripted server it talks to:
/// the model, the shop, the search engine, a Telegram Bot API and a real SMTP server.
/// </summary>
public sealed class UseCaseEnvironment : IAsyncLifetime
{
    public const string BotToken = "424242:use-case-bot-token";

    private readonly SiloEnvironment _base = new();

    public ScriptedModelServer Model => _base.Model;
    public ShopSite Shop => _base.Shop;
    public SearxngSearchServer Search { get; private set; } = null!;
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;

    /// <summary>The support team's mailbox: user <see cref="MailboxUser"/>, password <see cref="MailboxPassword"/>.</summary>
    public DovecotServer Imap { get; private set; } = null!;

    public const string MailboxUser = "support";
    public const string MailboxPassword = "support-secret";
    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _base.InitializeAsync();
        Search = await SearxngSearchServer.StartAsync(_ => SearchReply.With());
        Telegram = await FakeTelegramServer.StartAsync(new TelegramBotIdentity(BotToken, "oo_use_case_bot"));
        Smtp = await SmtpSink.StartAsync();
        Imap = await DovecotServer.StartAsync(new Dictionary<string, string> { [MailboxUser] = MailboxPassword });
        Silo = await SiloProcess.StartAsync(_base.DataPath, _base.Variables(
            ("WebSearch__Endpoint", Search.Endpoint.ToString()),
            ("Telegram__BotToken", BotToken),
            ("Telegram__ApiBaseUrl", Telegram.BaseUrl.ToString()),
            ("Smtp__Host", Smtp.Host),
            ("Smtp__Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Smtp__From", "OpenOrchestrator <bots@orchestrator.example>"),
            ("Schedules__Tick", "00:00:05"),
            ("Tools__Network__AllowedHosts", $"{Shop.BaseUrl.Authority},{Imap.Host}:{Imap.Port}"),
            ("Mail__RefreshSeconds", "1"),
            ("Auth__Registration", "open")));
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Smtp.DisposeAsync();
        await Imap.DisposeAsync();
        await Telegram.DisposeAsync();
        await Search.DisposeAsync();
        await _base.DisposeAsync();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Notifications.Email;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Notifications;

public sealed class EmailChannelTests
{
    private const string Password = "Tr0ub4dor-and-3-7f2a";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly RecordingLoggerProvider _logs = new();

    private static OutgoingMessage Message(string recipient = "ada@example.org", string id = "delivery-42") => new(
        "owner-1",
        recipient,
        "Grüße — 35 €",
        "Neue Ergebnisse: Grüße — 35 €",
        "<!DOCTYPE html><html><body><p>Neue Ergebnisse: <b>Grüße — 35 €</b></p></body></html>",
        id);

    [Fact]
    public async Task MessageArrivesWithSubjectSenderRecipientBothPartsAndItsMessageId()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = await StartAsync(Settings(sink));

        await Channel(host).SendAsync(Message(), CancellationToken.None);

        var received = await sink.WaitForMessageAsync(1, Deadline);
        Assert.Equal("Grüße — 35 €", received.Subject);
        Assert.Equal("orchestrator@orchestrator.test", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal("Orchestrator", Assert.Single(received.From.Mailboxes).Name);
        Assert.Equal("ada@example.org", Assert.Single(received.To.Mailboxes).Address);
        var alternatives = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(["text/plain", "text/html"], alternatives.Select(part => part.ContentType.MimeType));
        Assert.Equal("Neue Ergebnisse: Grüße — 35 €", received.TextBody?.Trim());
        Assert.Contains("<b>Grüße — 35 €</b>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("delivery-42@orchestrator.test", received.MessageId);
        Assert.NotEqual(DateTimeOffset.MinValue, received.Date);
    }

    [Fact]
    public async Task LoginWithUsernameAndPasswordSends()
    {
        await using var sink = await SmtpSink.StartAsync("orchestrator", Password);
        using var host = await StartAsync(Settings(sink, "orchestrator", Password));

        await Channel(host).SendAsync(Message(), CancellationToken.None);

        Assert.Equal("delivery-42@orchestrator.test", (await sink.WaitForMessageAsync(1, Deadline)).MessageId);
        AssertPasswordNowhere();
    }

    [Fact]
    public async Task WrongPasswordFailsForGood()
    {
        await using var sink = await SmtpSink.StartAsync("orchestrator", "the-right-one");
        using var host = await StartAsync(Settings(sink, "orchestrator", Password));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(), CancellationToken.None));

        Assert.True(failure.Permanent, failure.Message);
        Assert.Contains("Smtp__Username", failure.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
        AssertPasswordNowhere(failure);
    }

    [Fact]
    public async Task ServerAskingToTryLaterIsTransient()
    {
        await using var sink = await SmtpSink.StartAsync("orchestrator", Password);
        using var host = await StartAsync(Settings(sink, "orchestrator", Password));
        await sink.FailNextAsync(1, "451 4.3.0 try again later");

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Equal("The mail server asked to try later: 451 4.3.0 try again later", failure.Message);
        Assert.Empty(sink.Messages);
        AssertPasswordNowhere(failure);
    }

    [Fact]
    public async Task APasswordTheServerEchoesIsBlankedOut()
    {
        await using var sink = await SmtpSink.StartAsync("orchestrator", Password);
        using var host = await StartAsync(Settings(sink, "orchestrator", Password));
        await sink.FailNextAsync(1, $"554 5.7.1 rejected for {Password}");

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Equal("The mail server refused: 554 5.7.1 rejected for ***", failure.Message);
        AssertPasswordNowhere(failure);
    }

    [Fact]
    public async Task ServerRefusingTheRecipientFailsForGood()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = await StartAsync(Settings(sink));
        await sink.FailNextAsync(1, "550 5.1.1 no such user", SmtpStage.Rcpt);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.StartsWith("The mail server refused: 550", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no such user", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTryAfterATemporaryRefusalArrivesWithTheSameMessageId()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = await StartAsync(Settings(sink));
        await sink.FailNextAsync(1, "451 4.3.0 try again later");
        var message = Message(id: "7c1f/delivery 9");

        var first = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(message, CancellationToken.None));
        await Channel(host).SendAsync(message, CancellationToken.None);

        Assert.False(first.Permanent);
        var received = await sink.WaitForMessageAsync(1, Deadline);
        Assert.Equal(EmailMessage.MessageId(message.MessageId, "orchestrator.test"), received.MessageId);
        Assert.EndsWith("@orchestrator.test", received.MessageId, StringComparison.Ordinal);
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task NothingListeningIsTransient()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Ports.Free().ToString(),
            ["Smtp:From"] = "orchestrator@orchestrator.test",
            ["Smtp:Username"] = "orchestrator",
            ["Smtp:Password"] = Password,
            ["Smtp:TimeoutSeconds"] = "5",
        };
        using var host = await StartAsync(settings);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.StartsWith("Could not reach the mail server 127.0.0.1:", failure.Message, StringComparison.Ordinal);
        AssertPasswordNowhere(failure);
    }

    [Fact]
    public async Task WithoutAHostEveryDeliveryFailsForGood()
    {
        using var host = await StartAsync([]);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Equal("E-mail is not configured: set Smtp__Host and Smtp__From.", failure.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("ada@example.org, bob@example.org")]
    public async Task ARecipientThatIsNoAddressFailsForGood(string recipient)
    {
        await using var sink = await SmtpSink.StartAsync();
        using var host = await StartAsync(Settings(sink));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Channel(host).SendAsync(Message(recipient), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Empty(sink.Messages);
    }

    [Theory]
    [InlineData("Smtp:From", "orchestrator", "Smtp__From must be an e-mail address")]
    [InlineData("Smtp:From", "", "Smtp__From must be an e-mail address")]
    [InlineData("Smtp:Port", "0", "Smtp__Port must be between 1 and 65535.")]
    [InlineData("Smtp:Port", "65536", "Smtp__Port must be between 1 and 65535.")]
    [InlineData("Smtp:Password", "", "Smtp__Username and Smtp__Password go together")]
    public async Task BadSettingsStopTheStart(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.orchestrator.test",
            ["Smtp:From"] = "Orchestrator <orchestrator@orchestrator.test>",
            ["Smtp:Username"] = "orchestrator",
            ["Smtp:Password"] = Password,
            [key] = value,
        };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(SmtpSink sink, string? username = null, string? password = null) => new()
    {
        ["Smtp:Host"] = sink.Host,
        ["Smtp:Port"] = sink.Port.ToString(),
        ["Smtp:From"] = "Orchestrator <orchestrator@orchestrator.test>",
        ["Smtp:Security"] = "None",
        ["Smtp:Username"] = username,
        ["Smtp:Password"] = password,
    };

    /// <summary>The channel as the silo registers it, with every log line recorded.</summary>
    private async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs);
        builder.AddEmailChannel();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    private static INotificationChannel Channel(IHost host) =>
        Assert.Single(host.Services.GetServices<INotificationChannel>(), channel => channel.Name == "email");

    private void AssertPasswordNowhere(Exception? failure = null)
    {
        Assert.NotEmpty(_logs.Lines);
        Assert.All(_logs.Lines, line => Assert.DoesNotContain(Password, line, StringComparison.Ordinal));
        if (failure is not null)
        {
            Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
        }
    }
}

using MimeKit;
using OpenOrchestrator.Silo.Mail;

namespace OpenOrchestrator.Silo.Tests.Mail;

/// <summary>A message as a run's input, whatever the message holds.</summary>
public sealed class IncomingMailTests
{
    [Fact]
    public void AMessageWithoutDateOrWithNulCharactersBecomesAnInputEveryDatabaseStores()
    {
        var message = MimeMessage.Load(new MemoryStream("From: a@customer.example\r\nSubject: Zero\0byte\r\nMessage-ID: <nul@customer.example>\r\n\r\nText\0with a NUL.\r\n"u8.ToArray()));

        var mail = IncomingMail.From(message, "fallback@mailbox.invalid", 1_000);

        Assert.DoesNotContain('\0', mail.Input);
        Assert.DoesNotContain('\0', mail.Subject);
        Assert.Contains("Date: (none)", mail.Input, StringComparison.Ordinal);
        Assert.Contains("Textwith a NUL.", mail.Input, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInputStaysWithinWhatAnyRunMayGetEvenWithHugeHeaders()
    {
        var message = new MimeMessage { Subject = "Everyone", Body = new TextPart("plain") { Text = "Hi all." } };
        message.From.Add(MailboxAddress.Parse("a@customer.example"));
        message.To.AddRange(Enumerable.Range(0, 2_000).Select(i => MailboxAddress.Parse($"reader{i}@customer.example")));

        var mail = IncomingMail.From(message, "fallback@mailbox.invalid", 1_000);

        Assert.Equal(IncomingMail.MaxInputLength, mail.Input.Length);
        Assert.EndsWith("[cut]", mail.Input, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameMessageIdIsTheSameKeyWithOrWithoutAngleBrackets()
    {
        Assert.Equal(IncomingMail.KeyOf("<a@b.example>"), IncomingMail.KeyOf("a@b.example"));
        Assert.NotEqual(IncomingMail.KeyOf("a@b.example"), IncomingMail.KeyOf("c@b.example"));
        Assert.Equal(64, IncomingMail.KeyOf("a@b.example").Length);
    }
}

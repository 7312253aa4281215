using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using MimeKit;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>
/// A message as a run reads it (<see cref="Input"/>: From, To, Subject, Date and Message-ID, then the plain text;
/// attachments named, never inlined) and as its reply needs it. <see cref="Key"/> names it once per Message-ID.
/// </summary>
public sealed record IncomingMail(string Key, string MessageId, string? ReplyTo, string Subject, string? References, string Input)
{
    /// <summary>
    /// A message without a Message-ID gets one from where it lies (the folder's UIDVALIDITY and its UID), which
    /// stays the same for as long as the server keeps the message there.
    /// </summary>
    public static string DerivedMessageId(uint uidValidity, uint uid, string mailbox) =>
        $"{uidValidity}.{uid}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mailbox)))[..16]}@mailbox.invalid";

    /// <summary>As much input as a run started through the API may have.</summary>
    public const int MaxInputLength = Runs.RunsApi.MaxInputLength;

    private const string CutNote = "\n[cut]";

    public static string KeyOf(string messageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId.Trim().Trim('<', '>'))));

    public static IncomingMail From(MimeMessage message, string fallbackId, int maxTextChars)
    {
        var (text, cut) = Cut(PlainText(message), maxTextChars);
        var attachments = message.Attachments.Select(Describe).ToList();
        if (cut)
        {
            text += $"\n\n[The message's text was cut at {maxTextChars:N0} characters.]";
        }

        return Make(message, fallbackId, attachments, text);
    }

    /// <summary>A message too large to download: its headers, and a line saying its text was not read.</summary>
    public static IncomingMail FromHeaders(HeaderList headers, long size, string fallbackId)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var stream = new MemoryStream();
        headers.WriteTo(stream);
        stream.Write("\r\n"u8);
        stream.Position = 0;
        return Make(MimeMessage.Load(stream), fallbackId, [], $"[The message is {size:N0} bytes, too large to read; only its headers are here.]");
    }

    private static IncomingMail Make(MimeMessage message, string fallbackId, IReadOnlyList<string> attachments, string text)
    {
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? fallbackId : message.MessageId.Trim();
        var from = message.From.Mailboxes.FirstOrDefault();
        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault()?.Address ?? from?.Address;
        var subject = message.Subject ?? "";
        var input = new StringBuilder()
            .Append("From: ").AppendLine(message.From.ToString())
            .Append("To: ").AppendLine(message.To.ToString())
            .Append("Subject: ").AppendLine(subject)
            .Append("Date: ").AppendLine(message.Date == DateTimeOffset.MinValue ? "(none)" : message.Date.ToString("R", CultureInfo.InvariantCulture))
            .Append("Message-ID: <").Append(messageId).AppendLine(">");
        if (attachments.Count > 0)
        {
            input.Append("Attachments (not included): ").AppendLine(string.Join("; ", attachments));
        }

        input.AppendLine().Append(text);
        if (input.Length > MaxInputLength)
        {
            // Headers can be long too (a To of hundreds of addresses): the run's input stays within what any run may get.
            input.Length = MaxInputLength - CutNote.Length;
            input.Append(CutNote);
        }

        var references = message.References.Count == 0 ? null : string.Join(' ', message.References.Select(r => $"<{r}>"));
        // A NUL that a mail may carry is refused by PostgreSQL's text: it would fail this message every time.
        return new IncomingMail(KeyOf(messageId), NoNul(messageId), replyTo, NoNul(subject), references is null ? null : NoNul(references), NoNul(input.ToString()));
    }

    private static string NoNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    private static string PlainText(MimeMessage message)
    {
        if (message.TextBody is { } text)
        {
            return text.Trim();
        }

        return message.HtmlBody is { } html ? new HtmlParser().ParseDocument(html).Body?.TextContent.Trim() ?? "" : "";
    }

    private static (string Text, bool Cut) Cut(string text, int max) => text.Length <= max ? (text, false) : (text[..max], true);

    private static string Describe(MimeEntity entity)
    {
        var name = entity switch
        {
            MimePart part => part.FileName,
            MessagePart message => message.Message?.Subject,
            _ => null,
        } ?? "(unnamed)";
        var size = entity is MimePart { Content.Stream: { CanSeek: true } stream } ? $", {Size(stream.Length)}" : "";
        return $"{name} ({entity.ContentType.MimeType}{size})";
    }

    private static string Size(long encodedBytes) =>
        encodedBytes < 1024 ? $"{encodedBytes} bytes" : $"about {encodedBytes / 1024:N0} KB";
}

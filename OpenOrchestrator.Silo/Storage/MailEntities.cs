namespace OpenOrchestrator.Silo.Storage;

/// <summary>A user's mailbox (settings <c>imap</c>; the password is a secret), with how the last look at it went.</summary>
public sealed class MailboxRecord
{
    public required string OwnerId { get; set; }
    public required string Host { get; set; }
    public int Port { get; set; }
    public string? Username { get; set; }
    public string Folder { get; set; } = "INBOX";
    public string Security { get; set; } = "auto";
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastCheckedAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
}

/// <summary>
/// A message read from a user's mailbox, once per Message-ID (<see cref="Key"/>, unique per owner): what a reply
/// to it needs. Its runs carry the cause <c>mail:{Key}</c>.
/// </summary>
public sealed class MailMessageRecord
{
    public long Id { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>A hash of the Message-ID (or, without one, of the mailbox, UIDVALIDITY and UID).</summary>
    public required string Key { get; set; }
    public required string MessageId { get; set; }
    /// <summary>Where a reply goes: the Reply-To address, else the sender.</summary>
    public string? ReplyTo { get; set; }
    public string Subject { get; set; } = "";
    public string? References { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>The cause of a run this message started: unique per bot, so a bot runs once per message.</summary>
    public static string CauseOf(string key) => CausePrefix + key;

    /// <summary>The message key in a run's cause, or null when a message did not start the run.</summary>
    public static string? KeyOf(string? cause) =>
        cause is not null && cause.StartsWith(CausePrefix, StringComparison.Ordinal) ? cause[CausePrefix.Length..] : null;

    private const string CausePrefix = "mail:";
}

using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>How mailboxes are read (<c>Mail__*</c>): how often, how long, how much of a message reaches a run.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>How often the set of mailboxes to watch (mailbox settings, bots scheduled <c>mail</c>) is read again.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 10;

    /// <summary>Between looks at a mailbox whose server has no IDLE.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>An IDLE is renewed this often (servers drop one after 30 minutes).</summary>
    [Range(1, 29)]
    public int IdleMinutes { get; set; } = 9;

    /// <summary>The longest wait before connecting again to a server that failed (1 s, doubling up to this).</summary>
    [Range(1, 3600)]
    public int RetryMaxSeconds { get; set; } = 300;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>A larger message is not downloaded: its run gets its headers and says so.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The plain text a run gets of a message is cut here (the whole input, headers too, at the 20,000 characters any run's input may have).</summary>
    [Range(100, 19_000)]
    public int MaxTextChars { get; set; } = 16_000;
}

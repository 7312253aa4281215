namespace OpenOrchestrator.Contracts;

/// <summary>How the mailbox connection is secured: <c>none</c>, <c>ssl</c> (TLS from the start), <c>starttls</c>, or <c>auto</c> (by port).</summary>
public static class ImapSecurities
{
    public const string None = "none";
    public const string Ssl = "ssl";
    public const string StartTls = "starttls";
    public const string Auto = "auto";
    public static readonly IReadOnlyList<string> All = [None, Ssl, StartTls, Auto];

    /// <summary>The port a security usually has: 993 for TLS from the start, 143 otherwise.</summary>
    public static int DefaultPort(string? security) => security is Ssl or Auto or null ? 993 : 143;
}

/// <summary>
/// The mailbox a user's bots scheduled <c>mail</c> read, as settings show it: the password only as set or not,
/// and how the last look at it went.
/// </summary>
public sealed record ImapSettingsView(string Host, int Port, string? Username, bool PasswordSet, string Folder, string Security)
{
    /// <summary>When the mailbox was last read without an error.</summary>
    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary>Why the last try to read it failed, or null when it worked.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }
}

/// <summary>
/// Settings' <c>imap</c>: a null field keeps what is stored (the password too; an empty password clears it);
/// an empty <see cref="Host"/> removes the mailbox.
/// </summary>
public sealed record ImapSettingsUpdate(string? Host, int? Port, string? Username, string? Password, string? Folder, string? Security);

/// <summary>POST /api/settings/imap/test: whether the server took the login and has the folder, else what is wrong.</summary>
public sealed record ImapTestResult(bool Ok, string? Problem, int? Messages = null);

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The mailbox fields of the settings form: filled from settings' <c>imap</c>, sent back as its update.</summary>
public sealed class MailboxDraft
{
    private bool _stored;

    public string Host { get; set; } = "";
    public int? Port { get; set; }
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public bool ClearPassword { get; set; }
    public string Folder { get; set; } = "INBOX";
    public string Security { get; set; } = ImapSecurities.Auto;

    public static MailboxDraft From(ImapSettingsView? view) => view is null ? new() : new()
    {
        _stored = true,
        Host = view.Host,
        Port = view.Port,
        Username = view.Username ?? "",
        Folder = view.Folder,
        Security = view.Security,
    };

    /// <summary>
    /// Null when there is nothing to say (no mailbox, none typed); an empty host removes a stored one. A password
    /// left empty is not sent (the stored one stays); "remove" sends an empty one.
    /// </summary>
    public ImapSettingsUpdate? ToUpdate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            return _stored ? new ImapSettingsUpdate("", null, null, null, null, null) : null;
        }

        return new ImapSettingsUpdate(Host.Trim(), Port, Username.Trim(), ClearPassword ? "" : Password.Length == 0 ? null : Password, Folder.Trim(), Security);
    }
}

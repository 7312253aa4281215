using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>
/// Settings' <c>imap</c>: checked field by field, stored in the user's <c>mailboxes</c> row with the password as a
/// secret (<see cref="SecretNames.ImapPassword"/>), and shown without it.
/// </summary>
public sealed class MailboxSettingsStore(IDbContextFactory<OrchestratorDbContext> dbFactory, SecretStore secrets, TimeProvider time)
{
    /// <summary>Adds what is wrong with <paramref name="update"/> to <paramref name="errors"/>, under <c>imap.{field}</c>.</summary>
    public static void Validate(ImapSettingsUpdate update, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(errors);
        if (update.Host is { Length: > 0 } host && (host.Trim().Length is 0 or > 253 || host.Trim().Any(c => char.IsWhiteSpace(c) || c is '/' or '@')))
            errors["imap.host"] = ["A host name or address, e.g. imap.example.com (at most 253 characters)."];
        if (update.Port is < 1 or > 65535)
            errors["imap.port"] = ["A port between 1 and 65535 (993 for ssl, 143 for starttls or none)."];
        if (update.Security is { } security && !ImapSecurities.All.Contains(security))
            errors["imap.security"] = [$"One of {string.Join(", ", ImapSecurities.All)}."];
        if (update.Folder is { } folder && (string.IsNullOrWhiteSpace(folder) || folder.Length > 200))
            errors["imap.folder"] = ["A folder name of 1 to 200 characters, e.g. INBOX."];
        if (update.Username is { Length: > 320 })
            errors["imap.username"] = ["At most 320 characters."];
        if (update.Password is { Length: > 1000 })
            errors["imap.password"] = ["At most 1000 characters."];
    }

    /// <summary>The stored settings with <paramref name="update"/>'s fields over them (a null field keeps the stored one); null without a host.</summary>
    public static MailboxRecord? Merge(string ownerId, MailboxRecord? stored, ImapSettingsUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var host = update.Host is null ? stored?.Host : update.Host.Trim();
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var security = update.Security ?? stored?.Security ?? ImapSecurities.Auto;
        return new MailboxRecord
        {
            OwnerId = ownerId,
            Host = host,
            Security = security,
            Port = update.Port ?? (update.Security is null ? stored?.Port : null) ?? ImapSecurities.DefaultPort(security),
            Username = update.Username is null ? stored?.Username : Blank(update.Username),
            Folder = update.Folder?.Trim() ?? stored?.Folder ?? "INBOX",
            LastCheckedAt = stored?.LastCheckedAt,
            LastError = stored?.LastError,
            LastErrorAt = stored?.LastErrorAt,
        };
    }

    public async Task<MailboxRecord?> FindAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.OwnerId == ownerId, cancellationToken);
    }

    /// <summary>Stores the change; a new version (<see cref="MailboxRecord.UpdatedAt"/>) makes the watchers connect again.</summary>
    public async Task SaveAsync(string ownerId, ImapSettingsUpdate update, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Mailboxes.SingleOrDefaultAsync(m => m.OwnerId == ownerId, cancellationToken);
        var merged = Merge(ownerId, stored, update);
        if (update.Password is not null)
        {
            await secrets.SetAsync(ownerId, SecretNames.ImapPassword, update.Password, cancellationToken);
        }

        if (merged is null)
        {
            if (stored is not null)
            {
                db.Mailboxes.Remove(stored);
                await secrets.SetAsync(ownerId, SecretNames.ImapPassword, "", cancellationToken);
            }
        }
        else
        {
            merged.UpdatedAt = time.GetUtcNow().UtcDateTime;
            merged.LastError = null;
            merged.LastErrorAt = null;
            if (stored is null)
            {
                db.Mailboxes.Add(merged);
            }
            else
            {
                db.Entry(stored).CurrentValues.SetValues(merged);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static ImapSettingsView? View(MailboxRecord? box, bool passwordSet) => box is null ? null
        : new ImapSettingsView(box.Host, box.Port, box.Username, passwordSet, box.Folder, box.Security)
        {
            LastCheckedAt = box.LastCheckedAt.Utc(),
            LastError = box.LastError,
            LastErrorAt = box.LastErrorAt.Utc(),
        };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

public static class SecretNames
{
    public const string OpenAiApiKey = "openAiApiKey";
    public const string AnthropicApiKey = "anthropicApiKey";
    public const string TelegramBotToken = "telegramBotToken";
    /// <summary>The password of the user's mailbox (settings <c>imap.password</c>).</summary>
    public const string ImapPassword = "imapPassword";
}

/// <summary>
/// A user's secrets, encrypted at rest with Data Protection (DESIGN D11) under a purpose bound to
/// the user, so one user's ciphertext cannot be decrypted as another's. Every run looks up its
/// owner's key, so lookups are cached briefly; a change made here takes effect at once, one made
/// through another silo within <see cref="CacheFor"/>.
/// </summary>
public sealed class SecretStore(IDbContextFactory<OrchestratorDbContext> dbFactory, IDataProtectionProvider protection, IMemoryCache cache, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly IDataProtector _protector = protection.CreateProtector("OpenOrchestrator.Secrets.v1");

    public async Task<string?> GetAsync(string userId, string name, CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(CacheKey(userId, name), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await ReadAsync(userId, name, cancellationToken);
        });

    private async Task<string?> ReadAsync(string userId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Credentials.AsNoTracking()
            .Where(c => c.UserId == userId && c.Name == name)
            .Select(c => c.ProtectedValue)
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : _protector.CreateProtector(userId).Unprotect(stored);
    }

    public async Task<IReadOnlySet<string>> NamesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Credentials.Where(c => c.UserId == userId).Select(c => c.Name).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Stores a secret; an empty value removes it.</summary>
    public async Task SetAsync(string userId, string name, string value, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Credentials.SingleOrDefaultAsync(c => c.UserId == userId && c.Name == name, cancellationToken);
        if (string.IsNullOrEmpty(value))
        {
            if (existing is not null)
            {
                db.Credentials.Remove(existing);
            }
        }
        else
        {
            var protectedValue = _protector.CreateProtector(userId).Protect(value);
            if (existing is null)
            {
                db.Credentials.Add(new CredentialRecord { UserId = userId, Name = name, ProtectedValue = protectedValue, UpdatedAt = time.GetUtcNow().UtcDateTime });
            }
            else
            {
                existing.ProtectedValue = protectedValue;
                existing.UpdatedAt = time.GetUtcNow().UtcDateTime;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(CacheKey(userId, name));
    }

    private static string CacheKey(string userId, string name) => $"secret\n{userId}\n{name}";
}

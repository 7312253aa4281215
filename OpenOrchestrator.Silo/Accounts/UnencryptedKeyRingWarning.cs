namespace OpenOrchestrator.Silo.Accounts;

/// <summary>Says at start, loudly, that the key ring is stored unencrypted.</summary>
public sealed partial class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogUnencrypted(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The Data Protection key ring is stored UNENCRYPTED beside the database: a copy of the data folder decrypts every stored API key and token. " +
        "Set DataProtection__CertificatePath and DataProtection__CertificatePassword (see docs/security.md).")]
    private static partial void LogUnencrypted(ILogger logger);
}

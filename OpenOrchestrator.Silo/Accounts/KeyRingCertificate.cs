using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>Loads the key ring's certificate, and says plainly why when it cannot.</summary>
public static class KeyRingCertificate
{
    public static X509Certificate2 Load(KeyRingOptions options)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection__CertificatePath: cannot load '{options.CertificatePath}' as a PKCS#12 (.pfx) file with DataProtection__CertificatePassword: {e.Message}", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection__CertificatePath: '{options.CertificatePath}' has no private key; the key ring could be encrypted but never read.");
    }
}

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

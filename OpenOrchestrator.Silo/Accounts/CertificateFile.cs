using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>A certificate with its private key from a PKCS#12 (.pfx) file, or a start error that names the setting and the reason.</summary>
public static class CertificateFile
{
    public static X509Certificate2 Load(string path, string? password, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: cannot load '{path}' as a PKCS#12 (.pfx) file with its password: {e.Message}", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{setting}: '{path}' has no private key.");
    }
}

using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>
/// The certificate that encrypts the Data Protection key ring (the keys that encrypt users'
/// secrets). Without it the ring lies in clear beside the database, and a copy of the data folder
/// alone decrypts every secret; the server says so at start.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    [StringLength(4096)]
    public string? CertificatePath { get; set; }

    [StringLength(1024)]
    public string? CertificatePassword { get; set; }
}

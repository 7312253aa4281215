using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>The key ring under the data folder is encrypted with the operator's certificate, so a copy of the folder alone decrypts nothing.</summary>
[Trait("Category", "Security")]
public sealed class KeyRingTests : IAsyncLifetime
{
    private const string Canary = "sk-canary-5f0c1e";
    private const string Password = "ring-pass";
    private readonly string _folder = TempDirectory.Create("oo-keyring-");
    private ScriptedModelServer _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        TempDirectory.DeleteQuietly(_folder);
    }

    [Fact]
    public async Task WithACertificateNoKeyIsStoredInClearAndACopyOfTheFolderAloneDecryptsNothing()
    {
        var certificate = WriteCertificate();
        var withCertificate = new[] { ("DataProtection:CertificatePath", (string?)certificate), ("DataProtection:CertificatePassword", Password) };
        string sealedSecret;
        List<string> keys;
        var copy = Path.Combine(_folder, "copy");
        var stolen = Path.Combine(_folder, "stolen");
        await using (var first = Start(Path.Combine(_folder, "data"), withCertificate))
        {
            sealedSecret = Protector(first).Protect(Canary);
            var ring = Path.Combine(first.DataPath, "keys");
            keys = [.. Directory.GetFiles(ring, "*.xml").Select(File.ReadAllText)];
            CopyKeys(ring, copy);
            CopyKeys(ring, stolen);
        }

        await using var restarted = Start(copy, withCertificate);
        await using var thief = Start(stolen);

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("EncryptedData", key, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal));
        Assert.Equal(Canary, Protector(restarted).Unprotect(sealedSecret));
        Assert.ThrowsAny<CryptographicException>(() => Protector(thief).Unprotect(sealedSecret));
    }

    [Fact]
    public async Task WithoutACertificateTheServerSaysAtStartThatKeysAreUnencrypted()
    {
        var logs = new RecordingLoggerProvider();
        await using var root = Start(Path.Combine(_folder, "plain"));
        await using var app = root.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        _ = app.Services;

        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("UNENCRYPTED", StringComparison.Ordinal)
            && l.Contains("DataProtection__CertificatePath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongPasswordStopsTheStartWithAReadableReason()
    {
        var certificate = WriteCertificate();
        await using var app = Start(Path.Combine(_folder, "wrong"), ("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", "not-it"));

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DataProtection__CertificatePath: cannot load", failure.ToString(), StringComparison.Ordinal);
    }

    private OrchestratorApp Start(string dataPath, params (string Key, string? Value)[] settings) =>
        new(OrchestratorApp.SettingsFor(_model, settings), dataPath);

    private static void CopyKeys(string ring, string dataPath)
    {
        Directory.CreateDirectory(Path.Combine(dataPath, "keys"));
        foreach (var file in Directory.GetFiles(ring))
        {
            File.Copy(file, Path.Combine(dataPath, "keys", Path.GetFileName(file)));
        }
    }

    private static IDataProtector Protector(OrchestratorApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");

    private string WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpenOrchestrator key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}

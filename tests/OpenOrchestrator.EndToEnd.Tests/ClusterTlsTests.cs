using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>Silos of a cluster talk TLS with the cluster's certificate, on the advertised address only.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
[Trait("Category", "Security")]
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private const string Password = "cluster-pass";
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task SilosWithTheClusterCertificateFormOneClusterAndRefuseAPeerWithoutIt()
    {
        _env.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = $"Found by {Guid.NewGuid():N}" }))
            : ModelReply.Text("Done."));
        using var cluster = Certificate("CN=cluster");
        using var stranger = Certificate("CN=stranger");
        var path = Path.Combine(_env.DataPath, "cluster.pfx");
        File.WriteAllBytes(path, cluster.Export(X509ContentType.Pfx, Password));
        var firstPort = Ports.Free();
        var variables = ClusterSettings.Variables(_env);
        variables["Orleans__TlsCertificatePath"] = path;
        variables["Orleans__TlsCertificatePassword"] = Password;
        await using var first = await SiloProcess.StartAsync(_env.DataPath, new Dictionary<string, string>(variables) { ["Orleans__SiloPort"] = $"{firstPort}" });
        await using var second = await SiloProcess.StartAsync(_env.DataPath, variables);
        var (one, two) = (first.CreateClient(), second.CreateClient());
        await one.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        two.DefaultRequestHeaders.Authorization = one.DefaultRequestHeaders.Authorization;
        await using var live = await LiveNotifications.ConnectAsync(second.BaseUrl, two);

        var bot = await one.CreateBotAsync(ApiClient.Spec());
        var run = await one.RunAsync(bot.Id);
        // The page on silo 2 hears of a run through silo 1 only if both are one cluster.
        await live.WaitForAsync(n => n.RunId == run.Id && n.Kind == NotificationKinds.Results, TimeSpan.FromSeconds(60));

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Equal(RunStatuses.Completed, (await two.RunAsync(bot.Id)).Status);
        Assert.True(await ShowsAsync(firstPort, cluster));
        Assert.True(await RefusesAsync(firstPort, stranger, cluster));
        using var elsewhere = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => elsewhere.ConnectAsync(IPAddress.Parse("127.0.0.2"), firstPort));
    }

    /// <summary>Whether the silo port speaks TLS with <paramref name="expected"/> as its certificate.</summary>
    private static async Task<bool> ShowsAsync(int port, X509Certificate2 expected)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, shown, _, _) => IsCluster(shown, expected));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "silo" });
        return tls.IsAuthenticated;
    }

    private static bool IsCluster(X509Certificate? shown, X509Certificate2 cluster) => shown?.GetCertHashString() == cluster.Thumbprint;

    /// <summary>Whether the silo ends the connection of a client showing <paramref name="certificate"/> (within a deadline).</summary>
    private static async Task<bool> RefusesAsync(int port, X509Certificate2 certificate, X509Certificate2 cluster)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, shown, _, _) => IsCluster(shown, cluster));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "silo", ClientCertificates = [certificate] }, deadline.Token);
            // TLS 1.3 judges the client's certificate after the handshake: the verdict arrives on the first read.
            return await tls.ReadAsync(new byte[1], deadline.Token) == 0;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static X509Certificate2 Certificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

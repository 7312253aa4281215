using Microsoft.Extensions.Configuration;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class NetworkOptionsTests
{
    [Fact]
    public void AllowedHostsAreSplitOnCommasSemicolonsAndWhitespace()
    {
        var options = new NetworkOptions { AllowedHosts = "Intranet.Local, localhost:8080;10.0.0.5\n  [::1]:81\tfd00::7 ,, " };

        Assert.Equal(
            new[] { "10.0.0.5", "[::1]:81", "[fd00::7]", "intranet.local", "localhost:8080" },
            options.ParseAllowedHosts().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AllowedHostsMayBeConfiguredAsOneValueAsAListOrBoth()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tools:Network:AllowedHosts"] = "wiki.local",
            ["Tools:Network:AllowedHosts:0"] = "intranet.local",
            ["Tools:Network:AllowedHosts:1"] = "localhost:8080",
        }).Build();

        var options = new NetworkOptions { AllowedHosts = NetworkOptions.ReadAllowedHosts(configuration) };

        Assert.Equal(new[] { "intranet.local", "localhost:8080", "wiki.local" }, options.ParseAllowedHosts().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ,; ")]
    public void NoAllowedHostsByDefault(string? value) =>
        Assert.Empty(new NetworkOptions { AllowedHosts = value }.ParseAllowedHosts());

    [Fact]
    public void PastedUrlsKeepOnlyTheirAuthority()
    {
        var options = new NetworkOptions { AllowedHosts = "http://wiki.local:8080/start https://docs.local/" };

        Assert.Equal(new[] { "docs.local", "wiki.local:8080" }, options.ParseAllowedHosts().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("localhost", "LOCALHOST", 1234, true)]
    [InlineData("localhost:1234", "localhost", 1234, true)]
    [InlineData("localhost:1234", "localhost", 4321, false)]
    [InlineData("[::1]", "::1", 80, true)]
    [InlineData("::1", "[::1]", 80, true)]
    [InlineData("[::1]:8080", "::1", 8080, true)]
    [InlineData("[::1]:8080", "::1", 80, false)]
    [InlineData("intranet.local", "other.local", 80, false)]
    [InlineData("intranet.local", "sub.intranet.local", 80, false)]
    public void AllowListMatchesHostOrHostAndPort(string allowed, string host, int port, bool expected) =>
        Assert.Equal(expected, new NetworkGuard(new NetworkOptions { AllowedHosts = allowed }).IsAllowListed(host, port));
}

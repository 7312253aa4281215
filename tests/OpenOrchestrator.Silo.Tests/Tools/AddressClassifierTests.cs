using System.Net;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.5.4", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "CGNAT")]
    [InlineData("100.127.255.254", "CGNAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("::127.0.0.1", "reserved")]
    public void NonPublicAddressesAreRefusedWithTheirKind(string address, string kind)
    {
        var reason = AddressClassifier.WhyRefused(IPAddress.Parse(address));

        Assert.NotNull(reason);
        Assert.Contains(kind, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:808:808::")]
    public void PublicAddressesAreAllowed(string address) =>
        Assert.Null(AddressClassifier.WhyRefused(IPAddress.Parse(address)));

    [Fact]
    public void RefusalNamesTheAddressAndHowToAllowIt()
    {
        var refusal = Assert.Throws<BlockedAddressException>(
            () => NetworkGuard.EnsureAllPublic("127.0.0.1", [IPAddress.Loopback]));

        Assert.Equal(
            "refused: 127.0.0.1 is a loopback address (add the host to Tools__Network__AllowedHosts to allow it)",
            refusal.Message);
    }

    [Fact]
    public void NamesResolvingToAnyNonPublicAddressAreRefused()
    {
        var refusal = Assert.Throws<BlockedAddressException>(() => NetworkGuard.EnsureAllPublic(
            "metadata.google.internal", [IPAddress.Parse("8.8.8.8"), IPAddress.Parse("169.254.169.254")]));

        Assert.StartsWith("refused: metadata.google.internal resolves to 169.254.169.254, a link-local address", refusal.Message, StringComparison.Ordinal);
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Says why an address must not be reached from a tool, or null when it is a public unicast address.</summary>
public static class AddressClassifier
{
    private static readonly (uint Network, int Prefix, string Reason)[] V4Ranges =
    [
        (0x00000000, 8, "an unspecified address"),
        (0x7F000000, 8, "a loopback address"),
        (0x0A000000, 8, "a private address"),
        (0xAC100000, 12, "a private address"),
        (0xC0A80000, 16, "a private address"),
        (0xA9FE0000, 16, "a link-local address"),
        (0x64400000, 10, "a shared (CGNAT) address"),
        (0xC0000000, 24, "a reserved address"),
        (0xC0000200, 24, "a reserved address"),
        (0xC6120000, 15, "a reserved address"),
        (0xC6336400, 24, "a reserved address"),
        (0xCB007100, 24, "a reserved address"),
        (0xFFFFFFFF, 32, "a broadcast address"),
        (0xE0000000, 4, "a multicast address"),
        (0xF0000000, 4, "a reserved address"),
    ];

    public static string? WhyRefused(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => WhyRefusedV4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
        AddressFamily.InterNetworkV6 => WhyRefusedV6(address),
        _ => "not an IP address",
    };

    private static string? WhyRefusedV4(uint value)
    {
        foreach (var (network, prefix, reason) in V4Ranges)
        {
            var mask = uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? WhyRefusedV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None))
        {
            return "an unspecified address";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "a loopback address";
        }

        var bytes = address.GetAddressBytes();
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8));
        var embedded = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(12));

        // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the embedded IPv4 address.
        if (address.IsIPv4MappedToIPv6 || (high == 0x0064FF9B00000000 && low >> 32 == 0))
        {
            return WhyRefusedV4(embedded);
        }

        // 6to4 (2002:AABB:CCDD::) tunnels to the IPv4 address in bytes 2-5.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return WhyRefusedV4(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)));
        }

        return (bytes[0], bytes[1]) switch
        {
            _ when high == 0 => "a reserved address",
            (0xFF, _) => "a multicast address",
            (0xFE, >= 0x80 and <= 0xBF) => "a link-local address",
            (0xFE, >= 0xC0) => "a site-local address",
            (0xFC or 0xFD, _) => "a private address",
            (0x00, 0x64) when high >> 16 == 0x0064FF9B0001 => "a private address",
            (0x01, 0x00) when high == 0x0100000000000000 => "a reserved address",
            (0x20, 0x01) when high >> 32 == 0x20010DB8 => "a reserved address",
            _ => null,
        };
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Hooks;

/// <summary>
/// A hook's signing secret, encrypted at rest with Data Protection under a purpose bound to its owner (as
/// <c>SecretStore</c> and MCP headers are), and the check of a call's <c>X-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.
/// </summary>
public sealed class HookSecrets(IDataProtectionProvider protection)
{
    private const string Scheme = "sha256=";

    private readonly IDataProtector _protector = protection.CreateProtector("OpenOrchestrator.HookSecrets.v1");

    public void Store(HookRecord hook, string secret) => hook.ProtectedSigningSecret = _protector.CreateProtector(hook.OwnerId).Protect(secret);

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="body"/> with the hook's secret; true for a hook that needs none.</summary>
    public bool IsSigned(HookRecord hook, string? signature, ReadOnlySpan<byte> body)
    {
        if (hook.ProtectedSigningSecret is not { } stored)
        {
            return true;
        }

        if (signature is null || !signature.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || signature.Length != Scheme.Length + 64)
        {
            return false;
        }

        Span<byte> sent = stackalloc byte[32];
        if (Convert.FromHexString(signature.AsSpan(Scheme.Length), sent, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(_protector.CreateProtector(hook.OwnerId).Unprotect(stored));
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    /// <summary>The header value a sender puts on <paramref name="body"/> (for tests and examples).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

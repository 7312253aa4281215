using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OpenOrchestrator.Silo.Hooks;

/// <summary>
/// A hook's URL carries a random token; only its SHA-256 is stored and a call is found by that hash, so no
/// comparison walks the token character by character and a database read shows no usable token.
/// </summary>
public static class HookTokens
{
    /// <summary>256 random bits, URL-safe: 43 characters.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A secret to sign calls with; its UTF-8 bytes are the HMAC key, as GitHub's and Stripe's are.</summary>
    public static string NewSigningSecret() => "whsec_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The run cause of a call with an idempotency key: unique per bot (as a schedule slot's is), so a repeat
    /// finds the first call's run, whichever silo or restart it reaches. The key is hashed to bound its length.
    /// </summary>
    public static string Cause(string hookId, string idempotencyKey) => $"hook:{hookId}:{Hash(idempotencyKey)}";
}

namespace OpenOrchestrator.Silo.Storage;

/// <summary>Ids are time-ordered (UUID v7), lowercase hex: safe as folder names and in URLs.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

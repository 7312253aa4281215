namespace OpenOrchestrator.Silo.Storage;

public static class Instants
{
    /// <summary>Stored instants are UTC; the API speaks DateTimeOffset.</summary>
    public static DateTimeOffset Utc(this DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(this DateTime? value) => value?.Utc();
}

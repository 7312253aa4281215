using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Api;

public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Requests per second each user may make on average…</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>…and in one burst.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>The largest request body the server reads.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;
}

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// What each silo of a test cluster starts with: a fresh PostgreSQL database, a membership table
/// in Redis (OO_TEST_REDIS, else 127.0.0.1:6379), and the timing the failover bound follows from.
/// </summary>
public static class ClusterSettings
{
    /// <summary>Orleans' default: a probe every 5 s, each allowed 5 s to answer.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Orleans' default: a silo that misses 3 probes in a row is voted dead (in a cluster of two the one vote suffices).</summary>
    public const int MissedProbes = 3;

    /// <summary>How often a scheduled bot's reminder wakes it (the product's default is a minute).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    /// <summary>The longest a killed silo goes unnoticed: its missed probes, plus one probe period to begin the count.</summary>
    public static TimeSpan FailureDetection => ProbeTimeout * (MissedProbes + 1);

    /// <summary>
    /// Connections each silo may hold: three silos of a test (and those of tests beside it) stay
    /// under PostgreSQL's 100, where Npgsql's default of 100 per silo would be refused under load.
    /// </summary>
    public const int PoolSize = 25;

    /// <summary>One cluster: every silo started with these shares the database and the membership table.</summary>
    public static Dictionary<string, string> Variables(SiloEnvironment env)
    {
        var variables = env.Variables(
        [
            .. env.PostgreSqlDatabase(),
            ("Orleans__Clustering", "Redis"),
            ("ConnectionStrings__redis", Environment.GetEnvironmentVariable("OO_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6379"),
            ("Orleans__ClusterId", $"oo-e2e-{Guid.NewGuid():N}"),
            ("Orleans__AdvertisedIPAddress", "127.0.0.1"),
            ("Orleans__Membership__ProbeTimeout", ProbeTimeout.ToString()),
            ("Orleans__Membership__NumMissedProbesLimit", MissedProbes.ToString()),
            ("Schedules__Tick", Tick.ToString()),
            ("Auth__Registration", "open"),
            ("Api__RequestsPerSecond", "1000"),
            ("Api__Burst", "10000"),
        ]);
        variables["ConnectionStrings__orchestrator"] += $";Maximum Pool Size={PoolSize}";
        return variables;
    }
}

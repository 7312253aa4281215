using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Schedules;

public sealed class ScheduleOptions
{
    public const string SectionName = "Schedules";

    /// <summary>How often a scheduled bot's reminder wakes it; schedules resolve to this (one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Tick { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A slot noticed later than this was missed (the service was down), not merely late.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromSeconds(90);
}

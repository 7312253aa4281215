using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Schedules;

public static class SchedulesExtensions
{
    public static IHostApplicationBuilder AddSchedules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>Orleans reminders, stored by <see cref="DatabaseReminderTable"/>; the tick may be shorter than Orleans' default minimum.</summary>
    public static ISiloBuilder AddDatabaseReminders(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, DatabaseReminderTable>();
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<ScheduleOptions>>((reminders, schedules) =>
        {
            if (schedules.Value.Tick < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = schedules.Value.Tick;
            }
        });
        return silo;
    }
}

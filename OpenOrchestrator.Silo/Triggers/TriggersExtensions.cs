namespace OpenOrchestrator.Silo.Triggers;

public static class TriggersExtensions
{
    public static IHostApplicationBuilder AddTriggers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TriggerDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TriggerDispatcher>());
        return builder;
    }
}

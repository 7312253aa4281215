using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Models;

namespace OpenOrchestrator.Silo.Runs;

public static class RunsExtensions
{
    public static IHostApplicationBuilder AddRuns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RunOptions>().BindConfiguration(RunOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ModelOptions>, ModelEndpointValidation>();
        builder.Services.AddHttpClient(ChatClients.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<ModelProviders>();
        builder.Services.AddSingleton<ModelPrices>();
        builder.Services.AddSingleton<ChatClients>();
        builder.Services.AddSingleton<ProviderModelLists>();
        builder.Services.AddSingleton<ModelCatalog>();
        builder.Services.AddSingleton<RunModelSources>();
        builder.Services.AddOptions<BudgetOptions>().BindConfiguration(BudgetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RunBudget>();
        builder.Services.AddSingleton<BudgetAlerts>();
        builder.Services.AddSingleton<UsageQueries>();
        builder.Services.AddSingleton<UserSpending>();
        builder.Services.AddSingleton<UserBudgets>();
        builder.Services.AddSingleton<RunQueries>();
        builder.Services.AddSingleton<KernelFactory>();
        builder.Services.AddSingleton<RunAgent>();
        builder.Services.AddHostedService<InterruptedRuns>();

        // Hosts stop in reverse order: the executor ends its runs while the log writer and the silo still work.
        builder.Services.AddSingleton<RunLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunLogWriter>());
        builder.Services.AddSingleton<RunExecutor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunExecutor>());
        return builder;
    }
}

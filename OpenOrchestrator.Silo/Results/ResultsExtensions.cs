using Microsoft.SemanticKernel;

namespace OpenOrchestrator.Silo.Results;

public static class ResultsExtensions
{
    /// <summary>The result store, and results.report as a plugin every run's Kernel has.</summary>
    public static IHostApplicationBuilder AddResults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResultStore>();
        builder.Services.AddSingleton<ResultsPlugin>();
        builder.Services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ResultsPlugin>(), "results"));
        return builder;
    }
}

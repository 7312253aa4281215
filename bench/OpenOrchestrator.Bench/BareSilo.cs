using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OpenOrchestrator.Bench;

/// <summary>
/// The floor for <c>idle</c>: an Orleans silo with nothing of ours, on ASP.NET Core, clustered on localhost like
/// the product's single node. Started by <see cref="IdleBenchmark"/> as its own process (this program with
/// <see cref="Role"/> set), so its CPU at rest is read side by side with the product's.
/// </summary>
public static class BareSilo
{
    public const string Role = "OO_BENCH_BARE_SILO";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var siloPort = builder.Configuration.GetValue<int>("Orleans:SiloPort");
        var gatewayPort = builder.Configuration.GetValue<int>("Orleans:GatewayPort");
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort));
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        await app.RunAsync();
    }
}

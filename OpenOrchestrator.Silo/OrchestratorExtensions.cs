using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Hooks;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Mcp;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Results;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo;

/// <summary>The product's services, composed once: the server (Program) and the grain tests both start from here.</summary>
public static class OrchestratorExtensions
{
    /// <summary>
    /// Storage and secrets, then <paramref name="host"/>'s own parts (the server's accounts, API and silo; a test
    /// cluster brings its own silo), then the features. Hosted services stop in reverse order, so the runs end
    /// while the silo and the database still work.
    /// </summary>
    public static IHostApplicationBuilder AddOrchestrator(this IHostApplicationBuilder builder, Action<IHostApplicationBuilder>? host = null)
    {
        builder.AddStorage();
        builder.AddSecrets();
        host?.Invoke(builder);
        builder.AddBots();
        builder.AddRuns();
        builder.AddResults();
        builder.AddTools();
        builder.AddMcp();
        builder.AddTriggers();
        builder.AddHooks();
        builder.AddLive();
        builder.AddNotifications();
        return builder;
    }
}

using Orleans.Dashboard;
using OpenOrchestrator.Silo.Accounts;

namespace OpenOrchestrator.Silo.Hosting;

/// <summary>The Orleans dashboard (grains, calls, reminders, silos) for the instance's owner only.</summary>
public static class OrleansDashboard
{
    public const string Path = "/admin/orleans";

    public static ISiloBuilder AddAdminDashboard(this ISiloBuilder silo, SiloOptions options) =>
        options.Dashboard ? silo.AddDashboard() : silo;

    public static WebApplication MapAdminDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        if (options.Dashboard)
        {
            app.MapOrleansDashboard(Path).RequireAuthorization(AdminPolicy.Name);
        }

        return app;
    }
}

using System.Globalization;
using Blazor.Diagrams.Core.Geometry;
using Microsoft.AspNetCore.Components.WebAssembly.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>A bUnit context with MudBlazor, the real API client over <see cref="StubApi"/>, and a live client that is never started.</summary>
public abstract class FrontendContext : BunitContext, IAsyncLifetime
{
    protected FrontendContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The links graph's canvas measures itself once; the browser answers with its box.
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 400));
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<Language>();

        Services.AddSingleton(new HttpClient(Api) { BaseAddress = new Uri("http://localhost/") });
        Services.AddSingleton<ApiClient>();
        Services.AddSingleton<LiveClient>();
        Services.AddSingleton<ActivityFeed>();
        Services.AddSingleton<NotificationFeed>();
        Services.AddSingleton<Appearance>();
        Services.AddSingleton<SessionStateProvider>();
        Services.AddSingleton<LazyAssemblyLoader>();
        Render<MudPopoverProvider>();
    }

    protected StubApi Api { get; } = new();

    /// <summary>Renders from here on in <paramref name="name"/> (texts and formats), as the app does after Program.cs chose it.</summary>
    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }


    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services dispose only asynchronously; xunit 2 calls this before Dispose, which then has nothing left to do.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected static BotView Bot(string status = BotStatuses.Idle, string name = "eBay-Scout", ScheduleSpec? schedule = null, bool enabled = true,
        DateTimeOffset? lastRunAt = null, int results = 0) => new(
        "b1", name, "🛒", "Finds deals", "Find deals under 50 €.", "gpt-4o-mini", ["browser"], schedule ?? new ScheduleSpec { Kind = ScheduleKinds.Manual },
        [NotifyChannels.Dashboard], enabled, MissedRunPolicies.RunOnce, status, lastRunAt, null, new BotStats(0, results, 0, null),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}

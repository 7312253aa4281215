using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenOrchestrator.Testing;
using Cookie = Microsoft.Playwright.Cookie;

namespace OpenOrchestrator.Bench;

/// <summary>
/// <c>firstload [repeats] [published folder]</c>: the published dashboard's first load, signed in — how long until the
/// “New bot” button is clickable, cold (a new, empty browser profile each time) and warm (a reload of it), and what
/// the page downloads. The app is published in Release unless a folder holds it already, and runs as its own process.
/// </summary>
public static class FirstLoadBenchmark
{
    private const string Email = "firstload@example.com";

    public static async Task RunAsync(int repeats, string? published)
    {
        var folder = published is null ? await PublishAsync(Path.Combine(SiloProcess.RepositoryRoot(), "OpenOrchestrator.Silo", "OpenOrchestrator.Silo.csproj")) : Path.GetFullPath(published);
        var load = LoadAverage();
        var data = TempDirectory.Create("oo-firstload-");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, new Dictionary<string, string>
            {
                ["OPENAI_API_KEY"] = "bench",
                ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1",
                ["Auth__Registration"] = "open",
                ["Api__RequestsPerSecond"] = "1000000",
                ["Api__Burst"] = "1000000",
            }, siloDll: Path.Combine(folder, "OpenOrchestrator.Silo.dll"));
            var session = await SignUpAsync(silo.BaseUrl);
            using var playwright = await Playwright.CreateAsync();

            // Discarded: the server's first answers pay for its own JIT, which is not what a browser's cold cache costs.
            var first = await PageLoad.MeasureAsync(playwright, silo.BaseUrl, session);
            var profiles = new List<PageLoad.Profile>();
            for (var i = 0; i < repeats; i++)
            {
                profiles.Add(await PageLoad.MeasureAsync(playwright, silo.BaseUrl, session));
            }

            Console.WriteLine($"first load of / signed in · published app {folder} · {first.Browser}");
            FirstLoadReport.Print(profiles);
            Console.WriteLine($"load average at start {load}, at end {LoadAverage()} (other work on the machine moves the times, not the bytes)");
        }
        finally
        {
            TempDirectory.DeleteQuietly(data);
            if (published is null)
            {
                TempDirectory.DeleteQuietly(folder);
            }
        }
    }

    /// <summary>
    /// <c>firstload-floor [repeats]</c>: the same loads of bench/OpenOrchestrator.EmptyDashboard, an app with nothing
    /// but the button, published and served as the dashboard is: what the WebAssembly runtime alone takes on this machine.
    /// </summary>
    public static async Task RunFloorAsync(int repeats)
    {
        var project = Path.Combine(SiloProcess.RepositoryRoot(), "bench", "OpenOrchestrator.EmptyDashboard", "OpenOrchestrator.EmptyDashboard.csproj");
        var folder = await PublishAsync(project);
        var load = LoadAverage();
        try
        {
            await using var host = await EmptyDashboardHost.StartAsync(folder);
            using var playwright = await Playwright.CreateAsync();
            var first = await PageLoad.MeasureAsync(playwright, host.BaseUrl, []);
            var profiles = new List<PageLoad.Profile>();
            for (var i = 0; i < repeats; i++)
            {
                profiles.Add(await PageLoad.MeasureAsync(playwright, host.BaseUrl, []));
            }

            Console.WriteLine($"first load of an empty Blazor WebAssembly app (the floor) · {folder} · {first.Browser}");
            FirstLoadReport.Print(profiles);
            Console.WriteLine($"load average at start {load}, at end {LoadAverage()}");
        }
        finally
        {
            TempDirectory.DeleteQuietly(folder);
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>dotnet publish of <paramref name="project"/> (the silo, and so the dashboard: trimmed, precompressed) into a new folder.</summary>
    private static async Task<string> PublishAsync(string project)
    {
        var folder = TempDirectory.Create("oo-firstload-app-");
        Console.Error.WriteLine($"dotnet publish {project} -c Release -o {folder}");
        var started = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", folder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            TempDirectory.DeleteQuietly(folder);
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        Console.Error.WriteLine($"published in {started.Elapsed.TotalSeconds:F0} s");
        return folder;
    }

    /// <summary>A new user with two bots, signed in by cookie as the sign-in page does; the cookies go to every browser profile.</summary>
    private static async Task<IReadOnlyList<Cookie>> SignUpAsync(Uri baseUrl)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl };
        var credentials = new { email = Email, password = ApiClient.Password };
        await ApiClient.EnsureAsync(await client.PostAsJsonAsync("/api/auth/register", credentials));
        await ApiClient.EnsureAsync(await client.PostAsJsonAsync("/api/auth/login?useCookies=true", credentials));
        await client.CreateBotAsync(ApiClient.Spec("Scout"));
        await client.CreateBotAsync(ApiClient.Spec("Tester"));
        return [.. jar.GetCookies(baseUrl).Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = baseUrl.ToString() })];
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenOrchestrator.Testing;

/// <summary>The real OpenOrchestrator.Silo process, started as `dotnet OpenOrchestrator.Silo.dll`.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private SiloProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The CPU time the process has used so far, user and system.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    /// <summary>
    /// Starts the silo on <paramref name="port"/> (a restart keeps its address), else on a free port; the build output
    /// next to the caller's unless <paramref name="siloDll"/> names another (e.g. a published app).
    /// A port found free can be taken by another process before the silo binds it (any outgoing
    /// connection on the machine may get it as its own): a silo that exits early for that reason is
    /// started again on other ports, up to <see cref="PortAttempts"/> times.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string> environment, int? port = null, string? workingDirectory = null,
        string? siloDll = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataPath, environment, port, workingDirectory, siloDll ?? SiloDll());
            }
            catch (InvalidOperationException e) when (attempt < PortAttempts && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                // Taken meanwhile: other ports (and the same HTTP port when it was given, which was this silo's own).
            }
        }
    }

    private const int PortAttempts = 3;

    /// <summary>A silo starts in seconds; on a machine whose cores other test runs keep busy it took over a minute.</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(3);

    private static async Task<SiloProcess> StartOnceAsync(string dataPath, IReadOnlyDictionary<string, string> environment, int? port, string? workingDirectory,
        string siloDll)
    {
        port ??= FreePort();
        var info = new ProcessStartInfo("dotnet", [siloDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(siloDll)!,
        };
        info.Environment["Orchestrator__DataPath"] = dataPath;
        info.Environment["Orleans__SiloPort"] = FreePort().ToString();
        info.Environment["Orleans__GatewayPort"] = FreePort().ToString();
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var silo = new SiloProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, new Uri($"http://127.0.0.1:{port}/"));
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.Exited += (_, _) => silo._started.TrySetException(new InvalidOperationException($"The silo exited early:\n{silo.Output}"));
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        try
        {
            await silo._started.Task.WaitAsync(StartDeadline);
        }
        catch (TimeoutException)
        {
            await silo.DisposeAsync();
            throw new TimeoutException($"The silo did not start within {StartDeadline.TotalSeconds} s:\n{silo.Output}");
        }
        catch (InvalidOperationException)
        {
            // Exited early: nothing runs any more, only its handle is let go.
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(90) };

    /// <summary>SIGTERM, as a service manager stops it: the host shuts down gracefully.</summary>
    public async Task TerminateAsync()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException("Could not send SIGTERM.");
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>kill -9: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    /// <summary>The build output next to the caller's, or the app named by OO_SILO_DLL (e.g. a published one).</summary>
    private static string SiloDll()
    {
        if (Environment.GetEnvironmentVariable("OO_SILO_DLL") is { Length: > 0 } dll)
        {
            return Path.GetFullPath(dll);
        }

        // {tests,bench}/{Project}/bin/{Configuration}/net10.0 → OpenOrchestrator.Silo/bin/{Configuration}/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(RepositoryRoot(), "OpenOrchestrator.Silo", "bin", here.Parent!.Name, here.Name, "OpenOrchestrator.Silo.dll");
    }

    /// <summary>The folder of OpenOrchestrator.sln, above the running test or benchmark.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OpenOrchestrator.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("OpenOrchestrator.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A port on 127.0.0.1 nothing listens on now.</summary>
    public static int FreePort() => Ports.Free();
}

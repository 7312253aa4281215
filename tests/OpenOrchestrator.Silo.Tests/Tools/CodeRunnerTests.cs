using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using OpenOrchestrator.Silo.Tests.Documents;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>The code tool's child process: each limit holds (issue: code tool).</summary>
public sealed class CodeRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>The sandbox needs bubblewrap: scripts/test.sh installs it (scripts/sandbox.sh).</summary>
    private static CodeRunner Runner(int maxOutputBytes = 64 * 1024, string sandbox = CodeOptions.BubblewrapSandbox)
    {
        var runner = new CodeRunner(new CodeOptions { MaxOutputBytes = maxOutputBytes, Sandbox = sandbox }, NullLogger<CodeRunner>.Instance);
        Assert.True(sandbox != CodeOptions.BubblewrapSandbox || runner.Sandboxed, "bubblewrap is missing: run scripts/sandbox.sh");
        return runner;
    }

    [Fact]
    public async Task ACommandRunsInTheBotsFolder()
    {
        var result = await Runner().RunAsync("echo 'print(1 + 2)' > add.py && cat add.py && pwd && exit 3", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"print(1 + 2)\n{CodeRunner.SandboxFolder}\n", result.Output);
        Assert.True(File.Exists(Path.Join(_folder.Path, "add.py")));
    }

    [Fact]
    public async Task TheSandboxShowsNothingOfTheServerButTheBotsFolder()
    {
        var bot = _folder.Sub("bots/mine");
        await File.WriteAllTextAsync(Path.Join(_folder.Path, "orchestrator.db"), "every user's data");
        await File.WriteAllTextAsync(Path.Join(_folder.Sub("bots/theirs"), "secret.md"), "another bot's notes");

        var result = await Runner().RunAsync("ls -a / ; cat ../orchestrator.db ../../orchestrator.db ../theirs/secret.md /etc/shadow; ls /root", bot, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.DoesNotContain("every user's data", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("another bot's notes", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task WithoutTheSandboxACommandRunsAsAPlainChildProcess()
    {
        var result = await Runner(sandbox: "none").RunAsync("pwd", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((0, $"{_folder.Path}\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task AtTheTimeLimitTheCommandAndItsChildrenAreKilled()
    {
        var marker = $"300.{Random.Shared.Next(100_000, 999_999)}";

        var result = await Runner().RunAsync($"sleep {marker} & sleep {marker}", _folder.Path, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.True(result.Duration < TimeSpan.FromSeconds(30), $"took {result.Duration}");
        Assert.Empty(LivingProcessesWith(marker));
    }

    [Fact]
    public async Task OutputIsCappedAndTheRestDrained()
    {
        var result = await Runner(maxOutputBytes: 4096).RunAsync("head -c 1000000 /dev/zero | tr '\\0' 'x'; echo done >&2", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Truncated);
        Assert.InRange(result.Output.Length, 1, 4096);
    }

    [Fact]
    public async Task TheEnvironmentCarriesNoSecretsOfTheServer()
    {
        Environment.SetEnvironmentVariable("OO_TEST_SECRET", "hunter2");

        var result = await Runner().RunAsync("env", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.DoesNotContain("hunter2", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OPENAI", result.Output, StringComparison.Ordinal);
        Assert.Contains("PATH=/usr/local/bin:/usr/bin:/bin", result.Output, StringComparison.Ordinal);
        Assert.Contains($"HOME={CodeRunner.SandboxFolder}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandHasNoNetwork()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await Runner().RunAsync($"bash -c 'echo hello > /dev/tcp/127.0.0.1/{port}' && echo connected", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("connected", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Processes of this machine whose command line holds the marker and that are not zombies waiting to be reaped.</summary>
    internal static List<string> LivingProcessesWith(string marker) => [.. Directory.EnumerateDirectories("/proc")
        .Where(dir => int.TryParse(Path.GetFileName(dir), out _))
        .Where(dir => Read(Path.Join(dir, "cmdline")).Contains(marker, StringComparison.Ordinal))
        .Where(dir => Read(Path.Join(dir, "stat")).Split(')') is [_, var rest, ..] && rest.Trim() is [not 'Z', ..])];

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    public void Dispose() => _folder.Dispose();
}

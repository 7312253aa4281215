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

    private static CodeRunner Runner(int maxOutputBytes = 64 * 1024) =>
        new(new CodeOptions { MaxOutputBytes = maxOutputBytes }, NullLogger<CodeRunner>.Instance);

    [Fact]
    public async Task ACommandRunsInTheBotsFolder()
    {
        var result = await Runner().RunAsync("echo 'print(1 + 2)' > add.py && cat add.py && pwd && exit 3", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"print(1 + 2)\n{_folder.Path}\n", result.Output);
        Assert.True(File.Exists(Path.Join(_folder.Path, "add.py")));
    }

    [Fact]
    public async Task AtTheTimeLimitTheCommandAndItsChildrenAreKilled()
    {
        var result = await Runner().RunAsync("sleep 300 & echo $! > child.pid; sleep 300", _folder.Path, TimeSpan.FromSeconds(1), CancellationToken.None);

        var child = int.Parse(await File.ReadAllTextAsync(Path.Join(_folder.Path, "child.pid")));
        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.True(result.Duration < TimeSpan.FromSeconds(30), $"took {result.Duration}");
        Assert.False(IsAlive(child), $"the background child {child} survived");
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
        Assert.Contains($"HOME={_folder.Path}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandHasNoNetworkWhereTheOsAllowsIt()
    {
        var runner = Runner();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await runner.RunAsync($"bash -c 'echo hello > /dev/tcp/127.0.0.1/{port}' && echo connected", _folder.Path, TimeSpan.FromSeconds(30), CancellationToken.None);

        if (runner.IsolatesNetwork)
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("connected", result.Output, StringComparison.Ordinal);
        }
        else
        {
            // No network namespaces here (e.g. an unprivileged container): the limit cannot hold, and the tool says so at start.
            Assert.Contains("connected", result.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>Alive: in /proc and not a zombie waiting to be reaped.</summary>
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(')')[1].Trim()[0] != 'Z';
    }

    public void Dispose() => _folder.Dispose();
}

using System.Text.RegularExpressions;
using OpenOrchestrator.Silo.Tests.Documents;
using OpenOrchestrator.Silo.Tests.Tools;
using OpenOrchestrator.Silo.Tools;
using Xunit.Abstractions;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>A sandboxed command is held to its limits on processes, memory, file size and time (issue 20, finding 2).</summary>
[Trait("Category", "Security")]
public sealed partial class CodeLimitsTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ACommandRunsUnderTheConfiguredLimits()
    {
        var runner = Sandboxes.Runner(new CodeOptions
        {
            MaxProcesses = 50, MaxMemoryBytes = 300 * 1024 * 1024, MaxFileBytes = 5 * 1024 * 1024, CpuSeconds = 7, MaxOpenFiles = 200,
        });

        var result = await runner.RunAsync("cat /proc/self/limits", _folder.Path, Sandboxes.Generous, CancellationToken.None);

        Assert.Matches(@"Max processes\s+50\s+50\s", result.Output);
        Assert.Matches(@"Max data size\s+314572800\s+314572800\s", result.Output);
        Assert.Matches(@"Max file size\s+5242880\s+5242880\s", result.Output);
        Assert.Matches(@"Max cpu time\s+7\s+7\s", result.Output);
        Assert.Matches(@"Max open files\s+200\s+200\s", result.Output);
        Assert.Matches(@"Max core file size\s+0\s+0\s", result.Output);
    }

    /// <summary>
    /// The bomb and the other command share a folder only to meet: the other starts its processes once the bomb
    /// holds most of its own, and the bomb's shell ends (taking the bomb with it) once the other has run. The bomb's
    /// processes wait instead of exiting: a count of /proc taken while processes come and go counts some twice.
    /// </summary>
    [Fact]
    public async Task AForkBombIsHeldToTheProcessLimitWhileAnotherCommandRuns()
    {
        var marker = $"bomb-{Guid.NewGuid():N}";
        var bomb = $$"""
            bash -c 'p=(/proc/[0-9]*); most=${#p[@]} # {{marker}}
            :(){ : & : & wait; }; : &
            until [ -e other-ran ]; do
              p=(/proc/[0-9]*)
              if [ ${#p[@]} -gt $most ]; then most=${#p[@]}; fi
              if [ $most -ge 48 ]; then > full; fi
            done
            echo "most processes at once: $most"'
            """;

        var bombing = Sandboxes.Runner().RunAsync(bomb, _folder.Path, Sandboxes.Generous, CancellationToken.None);
        var other = await Sandboxes.Runner().RunAsync("until [ -e full ]; do true; done; /bin/echo fine | tee other-ran", _folder.Path, Sandboxes.Generous, CancellationToken.None);
        var bombed = await bombing;
        var most = int.Parse(MostProcesses().Match(bombed.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        log.WriteLine($"fork bomb: at most {most} processes, ended after {bombed.Duration.TotalSeconds:F2} s; the other command took {other.Duration.TotalSeconds:F2} s");

        Assert.Equal((0, "fine\n"), (other.ExitCode, other.Output));
        Assert.Equal(0, bombed.ExitCode);
        Assert.InRange(most, 48, new CodeOptions().MaxProcesses);
        Assert.Contains("Resource temporarily unavailable", bombed.Output, StringComparison.Ordinal);
        Assert.True(bombed.Duration < TimeSpan.FromSeconds(60), $"took {bombed.Duration}");
        Assert.Empty(CodeRunnerTests.LivingProcessesWith(marker));
    }

    [Fact]
    public async Task AFileCannotGrowPastTheSizeLimit()
    {
        var runner = Sandboxes.Runner(new CodeOptions { MaxFileBytes = 1024 * 1024 });

        var result = await runner.RunAsync("head -c 2097152 /dev/zero > big.bin; echo \"head ended with $?\"", _folder.Path, Sandboxes.Generous, CancellationToken.None);

        Assert.Contains("File size limit exceeded", result.Output, StringComparison.Ordinal);
        Assert.Contains("head ended with 153", result.Output, StringComparison.Ordinal);
        Assert.Equal(1024 * 1024, new FileInfo(Path.Join(_folder.Path, "big.bin")).Length);
    }

    [Fact]
    public async Task AProcessCannotTakeMoreMemoryThanTheLimit()
    {
        var result = await Sandboxes.Runner().RunAsync(
            "head -c 1073741824 /dev/zero | tail -c 1073741824 | wc -c", _folder.Path, Sandboxes.Generous, CancellationToken.None);

        Assert.Contains("tail: memory exhausted", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1073741824", result.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"most processes at once: (\d+)")]
    private static partial Regex MostProcesses();

    public void Dispose() => _folder.Dispose();
}

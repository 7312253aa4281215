using System.Runtime.Versioning;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tests.Documents;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>Who a sandboxed command is: nobody without capabilities or a way to gain them, and not root on the host (issue 20, finding 2).</summary>
[Trait("Category", "Security")]
public sealed class CodeSandboxIdentityTests : IDisposable
{
    private readonly TempFolder _bots = new();
    private readonly DocumentStore _documents;

    public CodeSandboxIdentityTests() => _documents = new DocumentStore(_bots.Path, new DocumentOptions());

    [Fact]
    public async Task ACommandHasNoCapabilitiesNoWayToGainThemAndIsNotRoot()
    {
        var result = await Sandboxes.Runner().RunAsync(
            "grep -E '^(Uid|Gid|Cap[A-Za-z]+|NoNewPrivs):' /proc/self/status; unshare --user --map-root-user true && echo 'made a user namespace'",
            _documents.FolderOf("bot"), Sandboxes.Generous, CancellationToken.None);
        var status = Sandboxes.StatusFields(result.Output);

        Assert.All(["CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"], name => Assert.Equal((name, "0000000000000000"), (name, status[name])));
        Assert.Equal("1", status["NoNewPrivs"]);
        Assert.All(status["Uid"].Split('\t').Concat(status["Gid"].Split('\t')), id => Assert.NotEqual("0", id));
        Assert.DoesNotContain("made a user namespace", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatACommandWritesBelongsToAnUnprivilegedHostUserAndStaysADocument()
    {
        await _documents.WriteAsync("bot", "notes.md", "from the server\n", CancellationToken.None);
        var folder = _documents.FolderOf("bot");

        var result = await Sandboxes.Runner().RunAsync(
            "echo 'from the sandbox' >> notes.md && mkdir out && echo made > out/made.txt", folder, Sandboxes.Generous, CancellationToken.None);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.NotEqual("0", Sandboxes.OwnerOf(Path.Join(folder, "out", "made.txt")));
        Assert.NotEqual("0", Sandboxes.OwnerOf(Path.Join(folder, "notes.md")));
        Assert.Equal(["notes.md", "out/made.txt"], _documents.List("bot").Select(document => document.Path));
        Assert.Equal("from the server\nfrom the sandbox\n", await _documents.ReadAsync("bot", "notes.md", CancellationToken.None));
        Assert.Equal("made\n", await _documents.ReadAsync("bot", "out/made.txt", CancellationToken.None));
    }

    /// <summary>Both changes would be no-ops (same mode, same value): what matters is whether the kernel lets them happen.</summary>
    [Fact]
    public async Task ACommandCannotChangeTheHostsDeviceNodesOrKernelSettings()
    {
        var result = await Sandboxes.Runner().RunAsync(
            "chmod 666 /dev/null && echo 'changed /dev/null'; cat /proc/sys/vm/swappiness > /proc/sys/vm/swappiness && echo 'changed a sysctl'",
            _documents.FolderOf("bot"), Sandboxes.Generous, CancellationToken.None);

        Assert.DoesNotContain("changed", result.Output, StringComparison.Ordinal);
        Assert.Contains("Operation not permitted", result.Output, StringComparison.Ordinal);
        Assert.Contains("Permission denied", result.Output, StringComparison.Ordinal);
    }

    /// <summary>As root, the sandbox's user is another user: a folder it cannot pass through is named as the reason, before anything runs.</summary>
    [Fact]
    [SupportedOSPlatform("linux")]
    public void AFolderTheSandboxesUserCannotReachIsRefusedWithTheReason()
    {
        var closed = _bots.Sub("closed");
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var reason = Sandboxes.Runner().CannotRunIn(Path.Join(closed, "bot"));

        if (Environment.IsPrivilegedProcess)
        {
            Assert.StartsWith("the sandbox's user (uid 65534) cannot reach the bot's folder", reason, StringComparison.Ordinal);
            Assert.DoesNotContain(closed, reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(reason);
        }
    }

    public void Dispose()
    {
        _documents.Dispose();
        _bots.Dispose();
    }
}

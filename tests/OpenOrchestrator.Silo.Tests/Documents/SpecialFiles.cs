using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenOrchestrator.Silo.Tests.Documents;

/// <summary>Entries a bot's code can leave in its folder that are not documents: pipes, sockets, hard links, sparse giants.</summary>
internal static class SpecialFiles
{
    private const int WriteOnly = 1;
    private const int NonBlocking = 0x800;

    public static void Fifo(string path) => Run("mkfifo", path);

    /// <summary>A character device like /dev/null (1, 3); making one needs root, as the sandbox of the code tool has.</summary>
    public static void Device(string path) => Run("mknod", path, "c", "1", "3");

    public static void HardLink(string existing, string link) => Run("ln", existing, link);

    public static Socket Socket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>A file of that length that takes no room on disk.</summary>
    public static void Sparse(string path, long length)
    {
        using var file = File.Create(path);
        file.SetLength(length);
    }

    /// <summary>Lets go a reader stuck opening the pipe (as the server was); without one waiting, does nothing.</summary>
    public static void ReleaseReaders(string fifo)
    {
        var descriptor = Open(Encoding.UTF8.GetBytes(fifo + '\0'), WriteOnly | NonBlocking);
        if (descriptor >= 0)
        {
            _ = Close(descriptor);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}

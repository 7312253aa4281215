using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A real IMAP server on 127.0.0.1: Debian's dovecot (scripts/dovecot.sh), one instance per fixture with its own
/// configuration, users, maildirs and log in a temporary folder. Its processes run unprivileged: as the current
/// user, or — when the tests run as root — as dovecot's own users. Mail is delivered by APPEND.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly bool _idle;
    private Process? _process;

    private DovecotServer(string folder, int port, IReadOnlyDictionary<string, string> users, bool idle)
    {
        _folder = folder;
        Port = port;
        _users = users;
        _idle = idle;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>What dovecot logged, for failure messages.</summary>
    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    private string LogPath => Path.Combine(_folder, "dovecot.log");

    /// <summary>Starts a server with these users (name → password); without <paramref name="idle"/> it does not offer IDLE.</summary>
    public static async Task<DovecotServer> StartAsync(IReadOnlyDictionary<string, string> users, bool idle = true)
    {
        var server = new DovecotServer(TempDirectory.Create("oo-imap-"), Ports.Free(), users, idle);
        server.WriteConfiguration();
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server again (after <see cref="StopAsync"/>) on the same port with the same mail.</summary>
    public async Task StartAsync()
    {
        var dovecot = File.Exists("/usr/sbin/dovecot") ? "/usr/sbin/dovecot" : "dovecot";
        _process = Process.Start(new ProcessStartInfo(dovecot, ["-F", "-c", Path.Combine(_folder, "dovecot.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("dovecot did not start (is dovecot-imapd installed? scripts/dovecot.sh)");
        var until = DateTime.UtcNow + StartDeadline;
        while (!await GreetsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > until)
            {
                var output = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "";
                await StopAsync();
                throw new InvalidOperationException($"dovecot did not start on port {Port}:\n{output}\n{Log}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the server (an IMAP server that is down); its mail stays for <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Puts <paramref name="message"/> into the user's folder (unread), as a mail server delivering it would.</summary>
    public async Task DeliverAsync(string user, MimeMessage message, string folder = "INBOX")
    {
        using var client = await ConnectAsync(user);
        var target = await client.GetFolderAsync(folder);
        await target.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>Puts raw bytes into the user's inbox: a message as broken as a test needs.</summary>
    public async Task DeliverRawAsync(string user, string raw)
    {
        using var client = await ConnectAsync(user);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        await client.Inbox.AppendAsync(MimeMessage.Load(stream), MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages of the user's inbox are not marked seen.</summary>
    public async Task<int> UnseenAsync(string user)
    {
        using var client = await ConnectAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var unseen = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen);
        await client.DisconnectAsync(true);
        return unseen.Count;
    }

    /// <summary>Marks every message of the user's inbox unread again: as if a reader died between storing a run and marking its message seen.</summary>
    /// <summary>Waits until <paramref name="user"/>'s folder has <paramref name="count"/> unseen messages (a reader marks them seen).</summary>
    public async Task WaitForUnseenAsync(string user, int count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (await UnseenAsync(user) != count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{count} unseen messages of {user} expected within {deadline}.\n{Log}");
            }

            await Task.Delay(200);
        }
    }

    public async Task MarkAllUnseenAsync(string user)
    {
        using var client = await ConnectAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var all = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All);
        await client.Inbox.RemoveFlagsAsync(all, MessageFlags.Seen, silent: true);
        await client.DisconnectAsync(true);
    }

    public async Task CreateFolderAsync(string user, string name)
    {
        using var client = await ConnectAsync(user);
        var personal = client.GetFolder(client.PersonalNamespaces[0]);
        await personal.CreateAsync(name, isMessageFolder: true);
        await client.DisconnectAsync(true);
    }

    private async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Host, Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, _users[user]);
        return client;
    }

    private async Task<bool> GreetsAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(Host, Port);
            var buffer = new byte[64];
            using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var read = await tcp.GetStream().ReadAsync(buffer, reading.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("* OK", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void WriteConfiguration()
    {
        // dovecot's login processes refuse to run as root: as root, its own Debian users serve, and own the mail.
        var root = Environment.UserName == "root";
        var internalUser = root ? "dovecot" : Environment.UserName;
        var loginUser = root ? "dovenull" : Environment.UserName;
        var (uid, gid) = root ? Ids("dovecot") : Ids(Environment.UserName);
        var mail = Path.Combine(_folder, "mail");
        Directory.CreateDirectory(mail);
        if (root && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
            Chown(mail, uid, gid);
        }

        File.WriteAllLines(Path.Combine(_folder, "users"), _users.Select(u => $"{u.Key}:{{PLAIN}}{u.Value}:{uid}:{gid}::{mail}/{u.Key}::"));
        File.WriteAllText(Path.Combine(_folder, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_folder}}/run
            state_dir = {{_folder}}/state
            log_path = {{LogPath}}
            info_log_path = {{LogPath}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_internal_group = {{(root ? "dovecot" : Group())}}
            default_login_user = {{loginUser}}
            mail_location = maildir:{{mail}}/%u
            {{(_idle ? "" : "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+")}}
            first_valid_uid = 1
            first_valid_gid = 0
            passdb {
              driver = passwd-file
              args = scheme=PLAIN {{_folder}}/users
            }
            userdb {
              driver = passwd-file
              args = {{_folder}}/users
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
    }

    private static (int Uid, int Gid) Ids(string user)
    {
        var line = File.ReadLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f[0] == user)
            ?? throw new InvalidOperationException($"No user {user} in /etc/passwd (is dovecot-imapd installed? scripts/dovecot.sh)");
        return (int.Parse(line[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(line[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Group()
    {
        var gid = Ids(Environment.UserName).Gid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return File.ReadLines("/etc/group").Select(l => l.Split(':')).First(f => f[2] == gid)[0];
    }

    private static void Chown(string path, int uid, int gid)
    {
        using var chown = Process.Start("chown", [$"{uid}:{gid}", path]);
        chown.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TempDirectory.DeleteQuietly(_folder);
    }
}

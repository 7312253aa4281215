using System.Diagnostics;
using System.Text;
using MimeKit;

namespace OpenOrchestrator.Testing;

/// <summary>The SMTP command a scripted failure answers.</summary>
public enum SmtpStage
{
    Rcpt,
    Data,
}

/// <summary>
/// A real SMTP server on 127.0.0.1 (smtp_sink.py on Debian's aiosmtpd, installed by scripts/smtp.sh)
/// that keeps every message it accepts; with a username and password it requires AUTH.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ControlDeadline = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _folder;
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<TaskCompletionSource> _acknowledgements = new();
    private readonly Dictionary<int, TaskCompletionSource<MimeMessage>> _arrivals = [];
    private readonly List<MimeMessage> _messages = [];
    private readonly List<string> _output = [];

    private SmtpSink(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>The messages accepted so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get { lock (_output) return [.. _messages]; }
    }

    /// <summary>Everything the server printed, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    public static async Task<SmtpSink> StartAsync(string? username = null, string? password = null)
    {
        var folder = TempDirectory.Create("oo-smtp-");
        var info = new ProcessStartInfo(Python(), [Script(), "--folder", folder])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (username is not null && password is not null)
        {
            info.ArgumentList.Add("--user");
            info.ArgumentList.Add(username);
            info.ArgumentList.Add("--password");
            info.ArgumentList.Add(password);
        }

        info.Environment["PYTHONIOENCODING"] = "utf-8";
        var sink = new SmtpSink(new Process { StartInfo = info, EnableRaisingEvents = true }, folder);
        sink._process.OutputDataReceived += (_, e) => sink.OnLine(e.Data);
        sink._process.ErrorDataReceived += (_, e) => sink.OnLine(e.Data);
        sink._process.Exited += (_, _) => sink.OnExited();
        sink._process.Start();
        sink._process.BeginOutputReadLine();
        sink._process.BeginErrorReadLine();
        try
        {
            sink.Port = await sink._ready.Task.WaitAsync(StartDeadline);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await sink.DisposeAsync();
            throw new InvalidOperationException($"The SMTP sink did not start (is python3-aiosmtpd installed? scripts/smtp.sh):\n{sink.Output}", e);
        }

        return sink;
    }

    /// <summary>The next <paramref name="count"/> <paramref name="stage"/> commands get <paramref name="reply"/>, e.g. "451 4.3.0 try again later"; returns once the server has taken it.</summary>
    public async Task FailNextAsync(int count, string reply, SmtpStage stage = SmtpStage.Data)
    {
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            _acknowledgements.Enqueue(acknowledged);
        }

        await _process.StandardInput.WriteLineAsync($"FAIL {stage.ToString().ToUpperInvariant()} {count} {reply}");
        await _process.StandardInput.FlushAsync();
        await acknowledged.Task.WaitAsync(ControlDeadline);
    }

    /// <summary>The <paramref name="number"/>th message accepted (1 for the first), as soon as it arrives.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(int number, TimeSpan deadline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Task<MimeMessage> arrival;
        lock (_output)
        {
            arrival = Arrival(number).Task;
        }

        try
        {
            return await arrival.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Message {number} did not arrive within {deadline}; {Messages.Count} did:\n{Output}");
        }
    }

    /// <summary>The first message to <paramref name="address"/>, already received or as soon as it arrives, within one deadline.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        for (var number = 1; ; number++)
        {
            var left = until - DateTime.UtcNow;
            var message = await WaitForMessageAsync(number, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        TempDirectory.DeleteQuietly(_folder);
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
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                _ready.TrySetResult(int.Parse(line["READY ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("RECEIVED ", StringComparison.Ordinal))
            {
                var message = MimeMessage.Load(line["RECEIVED ".Length..]);
                _messages.Add(message);
                Arrival(_messages.Count).TrySetResult(message);
            }
            else if (line == "OK" && _acknowledgements.TryDequeue(out var acknowledged))
            {
                acknowledged.TrySetResult();
            }
            else if (line.StartsWith("ERROR ", StringComparison.Ordinal) && _acknowledgements.TryDequeue(out var refused))
            {
                refused.TrySetException(new InvalidOperationException(line));
            }
        }
    }

    private void OnExited()
    {
        lock (_output)
        {
            var exited = new InvalidOperationException($"The SMTP sink exited:\n{string.Join('\n', _output)}");
            _ready.TrySetException(exited);
            foreach (var waiter in _arrivals.Values)
            {
                waiter.TrySetException(exited);
            }

            while (_acknowledgements.TryDequeue(out var acknowledged))
            {
                acknowledged.TrySetException(exited);
            }
        }
    }

    private TaskCompletionSource<MimeMessage> Arrival(int number)
    {
        if (!_arrivals.TryGetValue(number, out var arrival))
        {
            arrival = new TaskCompletionSource<MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrivals[number] = arrival;
        }

        return arrival;
    }

    /// <summary>Debian's python3, which sees the python3-aiosmtpd package whatever python3 comes first on PATH.</summary>
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Copied next to the test assembly by the Testing project; the source file otherwise.</summary>
    private static string Script()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "smtp_sink.py");
        return File.Exists(copied)
            ? copied
            : Path.Combine(SiloProcess.RepositoryRoot(), "tests", "OpenOrchestrator.Testing", "smtp_sink.py");
    }
}

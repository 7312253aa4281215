using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>
/// Secrets a user stores are used for their runs, yet never appear in clear anywhere the server writes: the
/// database, its WAL, the key ring, the bots' folders, any answer, any log line at any level.
/// </summary>
[Trait("Category", "Security")]
public sealed class CanarySecretTests : IAsyncLifetime
{
    private const string ModelKey = "sk-canary-7d1f93a2c4";
    private const string AnthropicKey = "sk-ant-canary-0b8e55";
    private const string TelegramToken = "123456:canary-TOKEN-e41a";
    private static readonly string[] Canaries = [ModelKey, AnthropicKey, TelegramToken];
    private ScriptedModelServer _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task AStoredKeyIsUsedForRunsButNeverWrittenOrLoggedInClear()
    {
        var logs = new RecordingLoggerProvider();
        var credentials = new Arrivals<string?>();
        _model.SetScript(r =>
        {
            credentials.Add(r.Authorization);
            return r.Round() == 0 ? ModelReplyFor.Report("A find", "https://shop.example/item/1") : ModelReply.Text("Done.");
        });
        string dataPath;
        string settings;
        await using (var root = new OrchestratorApp(OrchestratorApp.SettingsFor(_model)))
        {
            await using var app = root.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
            dataPath = root.DataPath;
            var client = app.CreateClient();
            await client.SignUpAsync($"canary-{Guid.NewGuid():N}@example.com");
            await ApiClient.EnsureAsync(await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, ModelKey, AnthropicKey, TelegramToken)));
            var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Files));

            var run = await client.RunAsync(bot.Id);
            settings = await client.GetStringAsync("/api/settings");

            // Read while the server runs: the newest rows are still in the WAL, beside the database and the key ring.
            Assert.True(File.Exists(Path.Combine(dataPath, "orchestrator.db-wal")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataPath, "keys")));
            AssertNoCanaryIn(dataPath);
            Assert.Equal(RunStatuses.Completed, run.Status);
        }

        Assert.Contains($"Bearer {ModelKey}", credentials.Items);
        Assert.DoesNotContain(Canaries, c => settings.Contains(c, StringComparison.Ordinal));
        Assert.True(logs.Lines.Count > 100, $"only {logs.Lines.Count} log lines were recorded");
        Assert.DoesNotContain(logs.Lines, line => Canaries.Any(c => line.Contains(c, StringComparison.Ordinal)));
    }

    /// <summary>Every file under the folder, as UTF-8 and as UTF-16 (how SQLite stores text in either encoding).</summary>
    private static void AssertNoCanaryIn(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            foreach (var canary in Canaries)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) < 0, $"{canary} in clear in {Path.GetRelativePath(folder, file)}");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)) < 0, $"{canary} in clear (UTF-16) in {Path.GetRelativePath(folder, file)}");
            }
        }
    }
}

using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>The "code" plugin: runs a shell command in the bot's documents folder, within the server's limits.</summary>
public sealed class CodePlugin(CodeRunner runner, CodeOptions options, DocumentStore documents, string botId)
{
    public const string PluginName = "code";

    [KernelFunction("run")]
    [Description("Runs a shell command (sh -c) in your documents folder and returns its exit code and output, e.g. 'python3 test_add.py'. No network; time and output are limited.")]
    public async Task<string> RunAsync(
        [Description("The command line to run, e.g. 'python3 -m pytest -q'.")] string command,
        CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return "Error: the code tool is disabled on this server (Tools__Code__Enabled).";
        }

        if (runner.CannotRunIn(documents.FolderOf(botId)) is { } reason)
        {
            return $"Error: {reason}.";
        }

        if (string.IsNullOrWhiteSpace(command))
        {
            return "Error: give a command to run.";
        }

        // What a command writes is not limited as it runs, so the folder is measured before and after.
        if (documents.QuotaUsedUp(botId) is { } full)
        {
            return $"Error: {full} Delete documents before running code.";
        }

        var result = await runner.RunAsync(command, documents.FolderOf(botId), TimeSpan.FromSeconds(options.TimeoutSeconds), cancellationToken);
        var head = result.TimedOut
            ? $"Stopped after {options.TimeoutSeconds} s (the time limit); the command and its children were killed."
            : string.Create(CultureInfo.InvariantCulture, $"Exit code {result.ExitCode} after {result.Duration.TotalSeconds:F1} s.");
        if (documents.QuotaUsedUp(botId) is { } usedUp)
        {
            head += $" {usedUp} Writes and code runs are refused until documents are deleted.";
        }

        var tail = result.Truncated ? $"\n[output cut at {options.MaxOutputBytes} bytes]" : "";
        return $"{head}\n{result.Output}{tail}";
    }
}

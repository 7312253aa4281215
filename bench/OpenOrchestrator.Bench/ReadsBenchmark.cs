using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// What the dashboard's reads cost as a bot's history grows: the real silo process on SQLite, a bot
/// with 10,000 runs and 1,000 or 1,000,000 stored results (a scout that has run for years), every read
/// route asked from this process over loopback, one request at a time.
/// </summary>
public static class ReadsBenchmark
{
    private const int RunsPerBot = 10_000;
    private const int Requests = 300;

    public static async Task RunAsync(IReadOnlyList<int> resultCounts)
    {
        Console.WriteLine($"{"route",-34}{"results",10}{"median",10}{"p99",10}{"max",10}  (ms, n = {Requests} each, after 30 warm-up requests)");
        foreach (var results in resultCounts)
        {
            await MeasureAsync(results);
        }
    }

    private static async Task MeasureAsync(int results)
    {
        var data = TempDirectory.Create("oo-reads-");
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "bench",
            ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1",
            ["Auth__Registration"] = "open",
            ["Api__RequestsPerSecond"] = "1000000",
            ["Api__Burst"] = "1000000",
        };
        try
        {
            var silo = await SiloProcess.StartAsync(data, environment);
            var port = silo.BaseUrl.Port;
            using var client = silo.CreateClient();
            await client.SignUpAsync("reads@example.com");
            var bot = await client.CreateBotAsync(ApiClient.Spec("Scout"));
            var owner = (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/manage/info")).GetProperty("email").GetString();
            await silo.TerminateAsync();
            await silo.DisposeAsync();

            var seeded = Stopwatch.StartNew();
            var (runId, pinnedCount) = Seed(Path.Combine(data, "orchestrator.db"), bot.Id, results);
            Console.Error.WriteLine($"seeded {RunsPerBot} runs and {results} results in {seeded.Elapsed.TotalSeconds:F0} s (owner {owner})");

            await using var again = await SiloProcess.StartAsync(data, environment, port);
            var routes = new (string Name, string Path)[]
            {
                ("GET /api/bots", "/api/bots"),
                ("GET /api/bots/{id}", $"/api/bots/{bot.Id}"),
                ("GET …/results", $"/api/bots/{bot.Id}/results"),
                ("GET …/results?filter=new", $"/api/bots/{bot.Id}/results?filter=new"),
                ("GET …/results?filter=pinned", $"/api/bots/{bot.Id}/results?filter=pinned"),
                ("GET …/results?filter=awaiting", $"/api/bots/{bot.Id}/results?filter=awaiting"),
                ("GET /api/bots/{id}/runs", $"/api/bots/{bot.Id}/runs"),
                ("GET /api/runs/{id}", $"/api/runs/{runId}"),
                ("GET /api/runs/{id}/log", $"/api/runs/{runId}/log"),
                ("GET /api/activity", "/api/activity"),
                ("GET /api/notifications", "/api/notifications"),
            };
            foreach (var (name, path) in routes)
            {
                var times = await TimeAsync(client, path);
                Console.WriteLine($"{name,-34}{results,10}{Report.Percentile(times, 50),10:F2}{Report.Percentile(times, 99),10:F2}{times.Max(),10:F2}");
            }

            var stats = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats;
            Console.Error.WriteLine($"the bot reads: {stats.Runs} runs, {stats.Results} results, {stats.NewResults} new ({pinnedCount} pinned)");
        }
        finally
        {
            TempDirectory.DeleteQuietly(data);
        }
    }

    private static async Task<double[]> TimeAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 30; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }

        return times;
    }

    /// <summary>
    /// Writes the history straight into the stopped silo's database: runs over the last 60 days (each
    /// priced), results spread over them (all seen but the last 10, one in a thousand pinned), a log for
    /// the newest run, and the bot's counters as its grain would have kept them.
    /// </summary>
    private static (string RunId, int Pinned) Seed(string file, string botId, int results)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var owner = Scalar(connection, "SELECT owner_id FROM bots WHERE id = $bot", ("$bot", botId));
        var now = DateTime.UtcNow;
        var runIds = new string[RunsPerBot];
        using (var insert = Command(connection, """
            INSERT INTO runs (id, bot_id, owner_id, trigger, status, created_at, started_at, finished_at, duration_ms, prompt_tokens,
                completion_tokens, model_calls, tool_calls, new_results, seen_results, depth, cost, output)
            VALUES ($id, $bot, $owner, 'schedule', 'completed', $at, $at, $at, 1200, 900, 100, 2, 1, 0, 0, 0, 0.0012, 'Done.')
            """, "$id", "$bot", "$owner", "$at"))
        {
            for (var i = 0; i < RunsPerBot; i++)
            {
                runIds[i] = Guid.NewGuid().ToString("N");
                Run(insert, runIds[i], botId, owner, now.AddMinutes(-(RunsPerBot - i) * 60.0 * 24 * 60 / RunsPerBot));
            }
        }

        var pinned = 0;
        using (var insert = Command(connection, """
            INSERT INTO results (id, bot_id, run_id, title, content, url, pinned, seen, status, dedup_key, created_at)
            VALUES ($id, $bot, $run, $title, 'A find.', $url, $pinned, $seen, 'reported', $key, $at)
            """, "$id", "$bot", "$run", "$title", "$url", "$pinned", "$seen", "$key", "$at"))
        {
            for (var i = 0; i < results; i++)
            {
                var run = (int)((long)i * RunsPerBot / results);
                var isPinned = i % 1000 == 0;
                pinned += isPinned ? 1 : 0;
                var values = insert.Parameters;
                values["$id"].Value = Guid.NewGuid().ToString("N");
                values["$bot"].Value = botId;
                values["$run"].Value = runIds[run];
                values["$title"].Value = $"Offer {i}";
                values["$url"].Value = $"https://shop.example/item/{i}";
                values["$pinned"].Value = isPinned;
                values["$seen"].Value = i < results - 10;
                values["$key"].Value = $"key-{i}";
                values["$at"].Value = now.AddMinutes(-(results - i) * 60.0 * 24 * 60 / results).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
                insert.ExecuteNonQuery();
            }
        }

        using (var insert = Command(connection, "INSERT INTO run_log (run_id, seq, at, kind, message) VALUES ($run, $seq, $at, 'info', $message)", "$run", "$seq", "$at", "$message"))
        {
            for (var seq = 1; seq <= 20; seq++)
            {
                insert.Parameters["$run"].Value = runIds[^1];
                insert.Parameters["$seq"].Value = seq;
                insert.Parameters["$at"].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
                insert.Parameters["$message"].Value = $"Step {seq}";
                insert.ExecuteNonQuery();
            }
        }

        // Before the bot kept its counters (an older build measured side by side) there is nothing to set.
        using (var counters = Command(connection, HasColumn(connection, "bots", "run_count") ? """
            UPDATE bots SET run_count = $runs, completed_runs = $runs, result_count = $results, unseen_results = 10 WHERE id = $bot
            """ : "SELECT $runs, $results, $bot", "$runs", "$results", "$bot"))
        {
            counters.Parameters["$runs"].Value = RunsPerBot;
            counters.Parameters["$results"].Value = results;
            counters.Parameters["$bot"].Value = botId;
            counters.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = Command(connection, "ANALYZE");
        analyze.ExecuteNonQuery();
        return (runIds[^1], pinned);
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = Command(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'");
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Run(SqliteCommand insert, string id, string botId, string owner, DateTime at)
    {
        insert.Parameters["$id"].Value = id;
        insert.Parameters["$bot"].Value = botId;
        insert.Parameters["$owner"].Value = owner;
        insert.Parameters["$at"].Value = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
        insert.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static string Scalar(SqliteConnection connection, string sql, (string Name, string Value) parameter)
    {
        using var command = Command(connection, sql, parameter.Name);
        command.Parameters[parameter.Name].Value = parameter.Value;
        return (string)command.ExecuteScalar()!;
    }
}

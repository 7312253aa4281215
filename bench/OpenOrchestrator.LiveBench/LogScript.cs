using OpenOrchestrator.Testing;

namespace OpenOrchestrator.LiveBench;

/// <summary>
/// What the scripted model does in a log benchmark run: <see cref="Rounds"/> rounds of <see cref="CallsPerRound"/>
/// results-report calls with fresh titles, then a summary. Each tool call writes two log lines (call and result)
/// and each model call one: 4 × 30 calls give about 245 lines.
/// </summary>
public static class LogScript
{
    public const string Prompt = "Report every offer you find.";

    public static int Rounds { get; set; } = 4;

    public static int CallsPerRound { get; set; } = 30;

    public static ModelReply Reply(ModelRequest request)
    {
        var round = request.Round();
        if (round >= Rounds)
        {
            return ModelReply.Text($"Done. Reported {Rounds * CallsPerRound} offers.");
        }

        var calls = Enumerable.Range(0, CallsPerRound)
            .Select(i => ModelToolCall.Create("results-report", new
            {
                title = $"Offer {request.Index}-{round}-{i}",
                url = $"https://shop.example/item/{request.Index}-{round}-{i}",
                price = $"{10 + i} €",
            }))
            .ToArray();
        return ModelReply.ToolCalls(calls);
    }
}

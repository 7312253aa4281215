using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>The same conversation for both sides: one results-report call with a fresh title, then a summary.</summary>
public static class OverheadScript
{
    public const string Prompt = "Report what you find.";

    public static ModelReply Reply(ModelRequest request) => request.Round() == 0
        ? ModelReplyFor.Report($"Offer {request.Index}", $"https://shop.example/item/{request.Index}", "35 €")
        : ModelReply.Text("Done. 1 new hit.");
}


namespace OpenOrchestrator.Testing;

public static class ModelReplyFor
{
    public static ModelReply Report(string title, string? url = null, string? price = null) =>
        ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title, url, price }));
}

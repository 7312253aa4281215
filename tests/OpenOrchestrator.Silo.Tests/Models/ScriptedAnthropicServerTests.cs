using System.Net;
using System.Net.Http.Json;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Models;
using Microsoft.Extensions.AI;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>The scripted Anthropic server as Anthropic's own .NET SDK reads it, through its IChatClient.</summary>
public sealed class ScriptedAnthropicServerTests : IAsyncLifetime
{
    private static readonly ChatMessage[] Conversation = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Where is my parcel?")];
    private ScriptedAnthropicServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedAnthropicServer.StartAsync(_ => ModelReply.Text("No script set."));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task StreamedTextArrivesWordByWordAndEndsWithTheUsage()
    {
        _server.SetScript(_ => ModelReply.Text("It left us yesterday.") with { PromptTokens = 42, CompletionTokens = 7 });

        var updates = await ChatClients.Claude(_server.BaseUrl).StreamAsync(Conversation);

        Assert.True(updates.Count(u => u.Text.Length > 0) >= 4, "the text should come in pieces");
        Assert.Equal("It left us yesterday.", updates.ToChatResponse().Text);
        Assert.Equal(ChatFinishReason.Stop, updates.ToChatResponse().FinishReason);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single();
        Assert.Equal((42L, 7L), (usage.Details.InputTokenCount, usage.Details.OutputTokenCount));
        var request = Assert.Single(_server.Requests);
        Assert.True(request.Stream && request.IncludeUsage);
        Assert.Equal((ChatClients.ClaudeModel, "Be brief.", "Where is my parcel?"), (request.Model, request.SystemPrompt, request.LastUserText));
        Assert.Equal(ChatClients.MaxOutputTokens, request.Raw.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task AnAnswerWithoutStreamingCarriesItsTextUsageAndStopReason()
    {
        _server.SetScript(_ => ModelReply.Text("Cut short") with { FinishReason = "length", PromptTokens = 3 });

        var response = await ChatClients.Claude(_server.BaseUrl).GetResponseAsync(Conversation);

        Assert.Equal("Cut short", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal((3L, 5L), (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount));
        Assert.False(Assert.Single(_server.Requests).Stream);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AToolUseBecomesAFunctionCallWithItsArgumentsParsed(bool stream)
    {
        var call = ModelToolCall.Create("web-search", new { query = "parcel tracking", limit = 3 });
        _server.SetScript(_ => ModelReply.ToolCalls(call));

        var contents = await ChatClients.Claude(_server.BaseUrl).AskAsync("Track it.", stream);

        var function = Assert.Single(contents.OfType<FunctionCallContent>());
        Assert.Equal((call.Id, "web-search"), (function.CallId, function.Name));
        Assert.Equal("parcel tracking", function.Arguments?["query"]?.ToString());
        Assert.Equal("3", function.Arguments?["limit"]?.ToString());
        Assert.Null(function.Exception);
    }

    [Fact]
    public async Task TheFollowUpCarryingTheToolResultIsRecordedAsAToolMessage()
    {
        _server.SetScript(r => r.Round() == 0 ? ModelReply.ToolCalls(ModelToolCall.Create("search", new { query = "abc" })) : ModelReply.Text("Found it."));
        var client = ChatClients.Claude(_server.BaseUrl);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string query) => $"found {query}", "search")] };
        var first = await client.GetResponseAsync(Conversation, options);
        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();

        var answer = await client.StreamAsync([.. Conversation, .. first.Messages, new(ChatRole.Tool, [new FunctionResultContent(call.CallId, "found abc")])], options);

        Assert.Equal("Found it.", answer.ToChatResponse().Text);
        var followUp = _server.Requests[1];
        Assert.Equal(["search"], followUp.ToolNames);
        Assert.Equal(1, followUp.Round());
        var asked = Assert.Single(followUp.Messages.Single(m => m.IsAssistant).ToolCalls);
        Assert.Equal((call.CallId, "search", "abc"), (asked.Id, asked.Name, asked.ParseArguments().GetProperty("query").GetString()));
        var result = Assert.Single(followUp.ToolResults);
        Assert.Equal((call.CallId, "found abc"), (result.ToolCallId, result.Content));
    }

    [Fact]
    public async Task TheModelListIsReadPageByPageThroughTheClient()
    {
        _server.ModelIds = ["claude-opus-4-1", "claude-sonnet-4-5", "claude-haiku-4-5"];
        var client = ChatClients.Anthropic(_server.BaseUrl);

        var page = await client.Models.List(new ModelListParams { Limit = 2 });
        var all = new List<ModelInfo>();
        await foreach (var model in ((IPage<ModelInfo>)page).Paginate())
        {
            all.Add(model);
        }

        Assert.Equal(["claude-opus-4-1", "claude-sonnet-4-5"], page.Items.Select(m => m.ID));
        Assert.True(page.HasNext());
        Assert.Equal(_server.ModelIds, all.Select(m => m.ID));
        Assert.Equal("Claude Sonnet 4.5", all[1].DisplayName);
    }

    [Fact]
    public async Task TheSdkSendsItsKeyAsBearerAndAnXApiKeyIsRecordedAsSent()
    {
        _server.SetScript(_ => ModelReply.Text("ok"));
        await ChatClients.Claude(_server.BaseUrl).GetResponseAsync("hi");
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/messages") { Content = JsonContent.Create(new { model = "m", max_tokens = 5, messages = new[] { new { role = "user", content = "hi" } } }) };
        message.Headers.Add("x-api-key", "raw-key");

        using var response = await http.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"Bearer {ChatClients.AnthropicKey}", "raw-key"], _server.Requests.Select(r => r.Authorization));
    }

    [Theory]
    [InlineData(400, "invalid_request_error", typeof(AnthropicBadRequestException))]
    [InlineData(401, "authentication_error", typeof(AnthropicUnauthorizedException))]
    [InlineData(404, "not_found_error", typeof(AnthropicNotFoundException))]
    [InlineData(429, "rate_limit_error", typeof(AnthropicRateLimitException))]
    [InlineData(500, "api_error", typeof(Anthropic5xxException))]
    [InlineData(529, "overloaded_error", typeof(AnthropicOverloadedException))]
    public async Task AnErrorCarriesTheTypeAnthropicNamesForItsStatus(int status, string type, Type exception)
    {
        _server.SetScript(_ => ModelReply.Error(status, "Scripted trouble."));

        var thrown = await Assert.ThrowsAsync(exception, () => ChatClients.Claude(_server.BaseUrl).GetResponseAsync("hi"));

        var error = Assert.IsAssignableFrom<AnthropicApiException>(thrown);
        Assert.Equal((status, "Scripted trouble."), ((int)error.StatusCode, error.ApiMessage));
        Assert.Contains($"\"type\":\"{type}\"", error.ResponseBody, StringComparison.Ordinal);
    }
}

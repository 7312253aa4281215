using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The REST API's bodies with generated serializers: interpreted in the browser, reflection-based JSON builds each
/// type's contract on first use, and the first page's reads (the session, the bots) waited for that before rendering.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserInfo))]
[JsonSerializable(typeof(RegistrationState))]
[JsonSerializable(typeof(Credentials))]
[JsonSerializable(typeof(BotView))]
[JsonSerializable(typeof(IReadOnlyList<BotView>))]
[JsonSerializable(typeof(BotSpec))]
[JsonSerializable(typeof(CostEstimate))]
[JsonSerializable(typeof(StartRunRequest))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(IReadOnlyList<RunView>))]
[JsonSerializable(typeof(IReadOnlyList<RunLogLine>))]
[JsonSerializable(typeof(ResultView))]
[JsonSerializable(typeof(IReadOnlyList<ResultView>))]
[JsonSerializable(typeof(ResultApproval))]
[JsonSerializable(typeof(IReadOnlyList<DocumentInfo>))]
[JsonSerializable(typeof(TriggerView))]
[JsonSerializable(typeof(IReadOnlyList<TriggerView>))]
[JsonSerializable(typeof(TriggerSpec))]
[JsonSerializable(typeof(IReadOnlyList<TemplateView>))]
[JsonSerializable(typeof(TemplateInstance))]
[JsonSerializable(typeof(ActivityPage))]
[JsonSerializable(typeof(NotificationsPage))]
[JsonSerializable(typeof(NotificationsRead))]
[JsonSerializable(typeof(IReadOnlyList<ChannelStatus>))]
[JsonSerializable(typeof(IReadOnlyList<ModelInfo>))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(SettingsUpdate))]
[JsonSerializable(typeof(ImapSettingsUpdate))]
[JsonSerializable(typeof(ImapTestResult))]
[JsonSerializable(typeof(TelegramLinkCode))]
[JsonSerializable(typeof(UsageReport))]
[JsonSerializable(typeof(IReadOnlyList<HookView>))]
[JsonSerializable(typeof(HookSpec))]
[JsonSerializable(typeof(HookCreated))]
[JsonSerializable(typeof(McpServerView))]
[JsonSerializable(typeof(IReadOnlyList<McpServerView>))]
[JsonSerializable(typeof(McpServerSpec))]
[JsonSerializable(typeof(IReadOnlyList<McpToolView>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

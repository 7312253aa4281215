using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The live hub's payloads with generated serializers: the browser runs .NET interpreted, where
/// reflection-based JSON per message is what keeps a busy log from keeping up.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BotView))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(LiveLogLine[]))]
[JsonSerializable(typeof(ResultView))]
[JsonSerializable(typeof(ActivityView))]
[JsonSerializable(typeof(NotificationView))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
internal sealed partial class LiveJsonContext : JsonSerializerContext;

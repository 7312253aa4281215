namespace OpenOrchestrator.Contracts;

/// <summary>A ready-made set of bots (GET /api/templates); POST /api/templates/{id} creates them for the user.</summary>
public sealed record TemplateView(string Id, string Name, string Emoji, string Description, IReadOnlyList<TemplateBotView> Bots, IReadOnlyList<string> Links);

public sealed record TemplateBotView(string Name, string Emoji, string Description, IReadOnlyList<string> Tools, ScheduleSpec Schedule, IReadOnlyList<string> Documents);

/// <summary>What instantiating a template created.</summary>
public sealed record TemplateInstance(string TemplateId, IReadOnlyList<BotView> Bots, IReadOnlyList<TriggerView> Triggers);

using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Templates;

/// <summary>One bot of a template: its spec and the documents it starts with.</summary>
public sealed record TemplateBot(string Key, BotSpec Spec, IReadOnlyDictionary<string, string> Documents);

/// <summary>When the bot <paramref name="SourceKey"/> has <paramref name="Event"/>, start <paramref name="TargetKey"/>.</summary>
public sealed record TemplateLink(string SourceKey, string Event, string TargetKey);

public sealed record BotTemplate(string Id, string Name, string Emoji, string Description, IReadOnlyList<TemplateBot> Bots, IReadOnlyList<TemplateLink> Links)
{
    public TemplateView ToView() => new(
        Id,
        Name,
        Emoji,
        Description,
        [.. Bots.Select(b => new TemplateBotView(b.Spec.Name!, b.Spec.Emoji!, b.Spec.Description ?? "", b.Spec.Tools ?? [], b.Spec.Schedule ?? new ScheduleSpec(), [.. b.Documents.Keys]))],
        [.. Links.Select(l => $"{NameOf(l.SourceKey)} {l.Event} → {NameOf(l.TargetKey)}")]);

    private string NameOf(string key) => Bots.Single(b => b.Key == key).Spec.Name!;
}

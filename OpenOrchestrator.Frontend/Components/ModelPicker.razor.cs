using Microsoft.AspNetCore.Components;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// The bot's model, grouped by provider with each model's price, and a warning before saving when
/// the chosen model lacks a key: a bot saved that way would only fail at its first run.
/// </summary>
public sealed partial class ModelPicker
{
    [Parameter, EditorRequired] public IReadOnlyList<ModelInfo> Models { get; set; } = [];

    [Parameter] public string Value { get; set; } = "";

    [Parameter] public EventCallback<string> ValueChanged { get; set; }

    [Parameter] public string? Error { get; set; }

    private ModelInfo? Chosen => Models.FirstOrDefault(m => m.Id == Value);

    internal static string OptionText(ModelInfo model)
    {
        string text = Strings.Shared["ModelOption", model.Id, Money.Price(model)];
        if (model.IsDefault) text = Strings.Shared["IsDefault", text];
        return model.Missing is null ? text : Strings.Shared["NotSetUp", text];
    }


    private Task ChangedAsync(ChangeEventArgs e) => ValueChanged.InvokeAsync(e.Value?.ToString() ?? "");
}

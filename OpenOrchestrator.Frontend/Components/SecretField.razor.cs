using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>A write-only secret: whether it is set, a field for a new value, and a way to remove it.</summary>
public sealed partial class SecretField
{
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string InputId { get; set; } = "";
    [Parameter] public bool IsSet { get; set; }
    [Parameter] public string Value { get; set; } = "";
    [Parameter] public EventCallback<string> ValueChanged { get; set; }
    [Parameter] public bool Clear { get; set; }
    [Parameter] public EventCallback<bool> ClearChanged { get; set; }
    [Parameter] public string? ErrorText { get; set; }

    private string State => IsSet ? L["SecretSet"] : L["SecretNotSet"];

}

using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// The models a bot falls back to, as an ordered list: the order is the order they are tried in,
/// which a multi-select cannot show. The bot's own model is never offered or counted.
/// </summary>
public sealed partial class FallbackPicker
{
    private int _picks;

    [Parameter, EditorRequired] public IReadOnlyList<ModelInfo> Models { get; set; } = [];

    /// <summary>The bot's model, left out of the fallbacks.</summary>
    [Parameter] public string Model { get; set; } = "";

    /// <summary>The draft's list, changed in place (like the form's tool and channel sets).</summary>
    [Parameter, EditorRequired] public List<string> Value { get; set; } = [];

    [Parameter] public string? Error { get; set; }

    private List<string> Chosen => [.. Value.Where(m => m != Model)];

    private IEnumerable<ModelInfo> Available => Models.Where(m => m.Id != Model && !Value.Contains(m.Id));

    private void Add(ChangeEventArgs e)
    {
        if (e.Value?.ToString() is { Length: > 0 } id && !Value.Contains(id))
        {
            Value.Add(id);
        }

        _picks++;
    }

    private void Remove(string id) => Value.Remove(id);

    private void MoveUp(string id)
    {
        // In the order shown; the bot's own model, had the list kept it, drops out (the spec leaves it out anyway).
        var chosen = Chosen;
        var at = chosen.IndexOf(id);
        if (at > 0)
        {
            chosen[at] = chosen[at - 1];
            chosen[at - 1] = id;
            Value.Clear();
            Value.AddRange(chosen);
        }
    }
}

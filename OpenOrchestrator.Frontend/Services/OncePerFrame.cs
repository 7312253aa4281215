namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// Draws what a burst of live events changed once, a frame (~16 ms) after the first of them,
/// instead of once per event: the browser runs .NET interpreted and a draw costs milliseconds.
/// </summary>
public sealed class OncePerFrame
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(16);
    private bool _pending;

    public async Task DrawAsync(Action draw)
    {
        if (_pending)
        {
            return;
        }

        _pending = true;
        await Task.Delay(Frame);
        _pending = false;
        draw();
    }
}

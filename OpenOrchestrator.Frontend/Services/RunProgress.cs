namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// A run only moves forward: queued, running, ended. Of two views of one run, the one further along
/// is shown, whichever arrived last (the Run now button's answer, a live event, a list read).
/// </summary>
public static class RunProgress
{
    public static int Stage(string status) => status switch
    {
        RunStatuses.Queued => 0,
        RunStatuses.Running => 1,
        _ => 2,
    };

    /// <summary>The view to show of <paramref name="incoming"/> and what is shown now of the same run.</summary>
    public static RunView Latest(RunView incoming, RunView? shown) =>
        shown is not null && Stage(shown.Status) > Stage(incoming.Status) ? shown : incoming;
}

namespace OpenOrchestrator.Silo.Runs;

/// <summary>A new message as a bot scheduled <c>mail</c> receives it: <see cref="Key"/> names the message, <see cref="Input"/> is the run's input.</summary>
[GenerateSerializer, Alias("MailStart")]
public sealed record MailStart(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string Key,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Input);

public enum MailStartOutcome
{
    /// <summary>The message has its run: started or queued now, before (the same cause), or refused by a budget.</summary>
    Handled,

    /// <summary>Not this bot's: another owner's, not scheduled <c>mail</c>, or paused.</summary>
    NotForThisBot,

    /// <summary>The bot's queue is full: the message stays unread and is offered again.</summary>
    Later,
}

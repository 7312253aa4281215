namespace OpenOrchestrator.Testing;

/// <summary>The bad answers a <see cref="ModelReply"/> can give instead of a well-formed one.</summary>
internal enum ReplyFault
{
    None,
    HtmlPage,
    EmptyStream,
    CutOff,
    NoAnswer,
}

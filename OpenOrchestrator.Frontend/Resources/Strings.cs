using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Frontend.Resources;

/// <summary>
/// The dashboard's texts, one resource for the whole app (Strings.resx in English, Strings.de.resx in German):
/// components inject <c>IStringLocalizer&lt;Strings&gt;</c>; a translator works through two files side by side.
/// </summary>
public sealed class Strings
{
    /// <summary>
    /// The same texts for static helpers that no container builds (<see cref="Services.Display"/>, <see cref="Services.Money"/>);
    /// it reads the current UI culture on every lookup, so one instance serves every language.
    /// </summary>
    public static IStringLocalizer Shared { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Strings));
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>
/// The tests read English texts and formats whatever this machine's locale is; a test that wants German says so
/// (<see cref="FrontendContext"/>'s UseCulture), and only for its own flow.
/// </summary>
internal static class EnglishByDefault
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly's own start-up: every test thread begins in English.")]
    internal static void Set()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");
    }
}

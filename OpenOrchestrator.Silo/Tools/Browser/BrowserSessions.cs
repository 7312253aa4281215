using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>Makes each run's <see cref="BrowserSession"/> on the shared Chromium, with the bot's own profile.</summary>
public sealed class BrowserSessions(ChromiumHost host, BrowserOptions options, string profilesRoot)
{
    public const string ProfilesFolder = "browser-profiles";

    /// <summary>The bot's cookies and site storage, kept outside its documents so they are neither listed nor counted.</summary>
    public string ProfileOf(string botId)
    {
        DocumentPaths.ValidateBotId(botId);
        return Path.Join(profilesRoot, botId, "state.json");
    }

    public BrowserSession Start(string botId) => new(host, options, botId, ProfileOf(botId));

    /// <summary>A deleted bot's cookies go with it.</summary>
    public void DeleteProfile(string botId)
    {
        var folder = Path.GetDirectoryName(ProfileOf(botId))!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

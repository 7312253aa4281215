using System.Text.RegularExpressions;
using System.Xml.Linq;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>Every English text has its German one with the same placeholders, so a new string cannot stay untranslated unnoticed.</summary>
public sealed partial class TranslationsTests
{
    private static readonly string Folder = Path.Combine(Root(), "OpenOrchestrator.Frontend", "Resources");

    [Fact]
    public void GermanHasExactlyTheEnglishKeys()
    {
        var english = Read("Strings.resx");
        var german = Read("Strings.de.resx");

        Assert.Empty(english.Keys.Except(german.Keys));
        Assert.Empty(german.Keys.Except(english.Keys));
        Assert.True(english.Count > 100, $"only {english.Count} texts were read");
    }

    [Fact]
    public void EachTranslationKeepsItsPlaceholdersAndSaysSomething()
    {
        var english = Read("Strings.resx");
        var german = Read("Strings.de.resx");

        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(german[key]), key);
            Assert.True(Placeholders(text).SetEquals(Placeholders(german[key])), $"{key}: \"{text}\" / \"{german[key]}\"");
        }
    }

    [Theory]
    [InlineData(null, new[] { "fr-FR", "de-AT", "en-US" }, "de-AT")]
    [InlineData(null, new[] { "en-GB", "de-DE" }, "en-GB")]
    [InlineData(null, new[] { "de" }, "de-DE")]
    [InlineData(null, new[] { "ja-JP" }, "en-US")]
    [InlineData("de", new[] { "en-US" }, "de-DE")]
    [InlineData("en", new[] { "de-DE" }, "en-US")]
    [InlineData("xx", new[] { "de-CH" }, "de-CH")]
    public void TheChoiceWinsThenTheBrowsersFirstEnglishOrGermanThenEnglish(string? choice, string[] browser, string culture) =>
        Assert.Equal(culture, Language.Pick(choice, browser).Name);

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OpenOrchestrator.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}

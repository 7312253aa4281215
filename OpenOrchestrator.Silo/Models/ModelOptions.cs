using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// Which models bots may pick. Provider keys come from the contract's plain variables
/// (OPENAI_API_KEY, OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY) or the user's settings.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Models";

    /// <summary>The model a new bot gets.</summary>
    [Required]
    public string Default { get; set; } = "gpt-4o-mini";

    /// <summary>Further models offered in the dashboard's picker (any id the server knows still works).</summary>
    public List<string> Available { get; set; } = ["gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini"];

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;
}

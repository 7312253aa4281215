using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Accounts;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string FirstUser = "first-user";
    public const string Open = "open";

    /// <summary><c>first-user</c>: the first account registers freely and owns the instance, later ones need an invitation.</summary>
    [Required, AllowedValues(FirstUser, Open, ErrorMessage = "Auth__Registration must be 'first-user' or 'open'.")]
    public string Registration { get; set; } = FirstUser;

    [Range(1, 365)]
    public int InvitationDays { get; set; } = 7;

    /// <summary>
    /// Sign-in, registration and password-reset requests one address may make per minute. This,
    /// not locking the account, stops guessing: a lock would let anyone lock anyone out.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

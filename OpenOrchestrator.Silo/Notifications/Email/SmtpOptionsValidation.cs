using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Notifications.Email;

/// <summary>A sender that is no address, or half a login, stops the start instead of failing every delivery.</summary>
public sealed class SmtpOptionsValidation : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Host) && !EmailAddress.TryParse(options.From, out _))
        {
            failures.Add("Smtp__From must be an e-mail address (\"address\" or \"Name <address>\") when Smtp__Host is set.");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Smtp__Username and Smtp__Password go together: set both or neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace OpenOrchestrator.Silo.Notifications.Email;

/// <summary>The mail server e-mail notifications go out through (<c>Smtp__*</c>); without a host the channel is off.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp__Port must be between 1 and 65535.")]
    public int Port { get; set; } = 25;

    public string? Username { get; set; }

    /// <summary>A secret: never logged, never put into an error message.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    public string? From { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    [Range(1, 600, ErrorMessage = "Smtp__TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    [MemberNotNullWhen(true, nameof(Host), nameof(From))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>How the connection is secured; <see cref="Auto"/> uses TLS on port 465 and STARTTLS where the server offers it.</summary>
public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

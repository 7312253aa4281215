using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

public static class AccountsExtensions
{
    /// <summary>ASP.NET Core Identity with cookies (the UI) and bearer tokens (scripts), DESIGN D10.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthorizationBuilder().AddAdminPolicy();
        builder.Services.AddScoped<IAuthorizationHandler, AdminHandler>();
        builder.Services.AddIdentityApiEndpoints<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<OrchestratorDbContext>()
            .AddUserManager<AppUserManager>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        builder.Services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            // Browsers cannot set headers on a WebSocket: a script's token may come in the hub's query string.
            o.Events.OnMessageReceived = c =>
            {
                if (c.HttpContext.Request.Path.StartsWithSegments(LiveHub.Path) && c.Request.Query["access_token"] is [{ } token])
                {
                    c.Token = token;
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddScoped<RegistrationGate>();
        builder.Services.AddSingleton<SettingsViews>();
        builder.Services.AddSingleton<MailboxSettingsStore>();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddSignInLimit());
        return builder;
    }

    /// <summary>
    /// Data Protection keys under the data directory, encrypted with the configured certificate
    /// (<see cref="KeyRingOptions"/>), and the user secrets they encrypt (DESIGN D11).
    /// </summary>
    public static IHostApplicationBuilder AddSecrets(this IHostApplicationBuilder builder)
    {
        var ring = builder.Services.AddDataProtection()
            .SetApplicationName("OpenOrchestrator")
            .PersistKeysToFileSystem(new DirectoryInfo(DataPaths.Resolve(builder).Keys));
        var keyRing = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (!string.IsNullOrEmpty(keyRing.CertificatePath))
        {
            var certificate = CertificateFile.Load(keyRing.CertificatePath, keyRing.CertificatePassword, "DataProtection__CertificatePath");
            ring.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
        }

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SecretStore>();
        return builder;
    }
}

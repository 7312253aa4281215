using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>
/// Identity's user manager without account lockout: a lock after failed guesses lets anyone lock
/// anyone out. Guessing is slowed per client address instead (<see cref="SignInLimit"/>).
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}

namespace OpenOrchestrator.Contracts;

/// <summary>
/// GET /api/auth/registration (no sign-in needed): <see cref="FirstAccount"/> when the instance has no account yet,
/// so the app opens on sign-up; <see cref="NeedsInvitation"/> when a new account needs an owner's invitation.
/// </summary>
public sealed record RegistrationState(bool FirstAccount, bool NeedsInvitation);

namespace Signet.Store.Model;

/// <summary>One recorded action: who, when, what, on what. Never holds a secret. Repeated failed sign-ins for one
/// user name from one address are one entry: <see cref="Count"/> says how many, <see cref="At"/> is the latest.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Detail, long Count = 1, string? Address = null);

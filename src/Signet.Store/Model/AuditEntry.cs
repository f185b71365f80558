namespace Signet.Store.Model;

/// <summary>One recorded action: who, when, what, on what. Never holds a secret.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Detail);

namespace Signet.Store.Model;

/// <summary>Server-wide settings: the host name that server-wide signatures use as d=, and whether server-wide
/// signing is on. Server-wide signatures are never aligned with the From domain: domain keys are the preferred way.</summary>
public sealed record ServerSettings(string HostName, bool ServerSigningEnabled);

namespace Signet.Admin.Console.Security;

/// <summary>Who may open a console page.</summary>
public enum ConsoleAccess
{
    Anyone,
    SignedIn,
    ServerAdmin,
}

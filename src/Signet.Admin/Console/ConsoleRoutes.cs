namespace Signet.Admin.Console;

/// <summary>Where each console page lives, in one place so links and endpoints agree.</summary>
public static class ConsoleRoutes
{
    public const string Home = "/";
    public const string SignIn = "/signin";
    public const string SignOut = "/signout";
    public const string Setup = "/setup";
    public const string ServerDkim = "/server/dkim";
    public const string ServerDomains = "/server/domains";
    public const string ServerUsers = "/server/users";
    public const string ServerAudit = "/server/audit";
    public const string ServerPublishers = "/server/publishers";
    public const string Account = "/account";
    public const string Domains = "/domains";
    public const string Check = "/check";
    public const string Stylesheet = "/assets/console.css";
    public const string Script = "/assets/console.js";

    public static string DomainDkim(string domain) => $"/domains/{Uri.EscapeDataString(domain)}/dkim";

    public static string DomainRotation(string domain) => DomainDkim(domain) + "/rotation";

    public static string ServerPublisher(string name) => $"{ServerPublishers}/{Uri.EscapeDataString(name)}";
}

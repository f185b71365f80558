namespace Signet.Store.Model;

/// <summary>Whose key it is: a protected domain's (d= that domain, aligned with its mail) or the server-wide key
/// (d= the server's host name: signs mail that has no domain key, never aligned with From).</summary>
public enum KeyScope
{
    Domain,
    Server,
}

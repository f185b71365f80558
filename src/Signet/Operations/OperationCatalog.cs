namespace Signet.Operations;

/// <summary>Everything an administrator can do, with its console form, its API operation and its <c>signet</c>
/// command: one row each. A test checks every cell against the routes the host maps, the served OpenAPI document and
/// the command definitions, and writes this table into docs/cli.md and docs/api.md; a new console feature without
/// its API operation and command fails it.</summary>
public static class OperationCatalog
{
    /// <summary>Private keys never leave through the console or the API (README, "Roles"): a stolen session or token
    /// must not be enough to sign as the domain.</summary>
    private const string PrivateKeysStayOnTheHost = "private keys never leave through the console or the API";

    /// <summary>A backup holds every private key (encrypted with the master key): it is taken on the mail host and
    /// copied off with the host's own tools, never handed to a session or a token.</summary>
    private const string BackupStaysOnTheHost = "a backup holds every private key; it is taken on the host itself";

    public static IReadOnlyList<Operation> Operations { get; } =
    [
        new("list the domains", "GET /domains", "GET /api/domains", "domain list"),
        new("protect a domain", "POST /server/domains/add", "POST /api/domains", "domain add --domain"),
        new("turn a domain's signing on or off", "POST /domains/{domain}/dkim/settings", "PATCH /api/domains/{domain}", "domain set --domain --signing"),
        new("sign subdomains with the parent's keys or their own", "POST /domains/{domain}/dkim/settings", "PATCH /api/domains/{domain}", "domain set --domain --subdomains"),
        new("stop protecting a domain", "POST /server/domains/{domain}/remove", "DELETE /api/domains/{domain}", "domain remove --domain"),

        new("generate a domain key", "POST /domains/{domain}/dkim/generate", "POST /api/domains/{domain}/keys", "key generate --domain --selector --algorithm --bits"),
        new("import a domain key", "POST /domains/{domain}/dkim/import", "POST /api/domains/{domain}/keys/import", "key import --domain --selector --key"),
        new("list a domain's keys", "GET /domains/{domain}/dkim", "GET /api/domains/{domain}/keys", "key list --domain"),
        new("show the DNS record of a key", "GET /domains/{domain}/dns", "GET /api/domains/{domain}/keys/{id}/dns", "key dns --domain --selector --format"),
        new("check a key's record in DNS", "POST /domains/{domain}/dkim/keys/{id}/check", "POST /api/domains/{domain}/keys/{id}/dns/check", "key check --domain --selector"),
        new("activate a key", "POST /domains/{domain}/dkim/keys/{id}/activate", "POST /api/domains/{domain}/keys/{id}/activate", "key activate --domain --selector --force"),
        new("retire a key", "POST /domains/{domain}/dkim/keys/{id}/retire", "POST /api/domains/{domain}/keys/{id}/retire", "key retire --domain --selector"),
        new("revoke a key", "POST /domains/{domain}/dkim/keys/{id}/revoke", "POST /api/domains/{domain}/keys/{id}/revoke", "key revoke --domain --selector"),
        new("delete a key", "POST /domains/{domain}/dkim/keys/{id}/delete", "DELETE /api/domains/{domain}/keys/{id}", "key delete --domain --selector"),
        new("start a key rotation", "POST /domains/{domain}/dkim/keys/{id}/rotate", "POST /api/domains/{domain}/keys/{id}/rotations", "key rotate --domain --selector --new-selector"),
        new("list a domain's rotations", "GET /domains/{domain}/dkim", "GET /api/domains/{domain}/rotations", "key rotations --domain"),
        new("export a private key", OperationForm.NotOffered(PrivateKeysStayOnTheHost), OperationForm.NotOffered(PrivateKeysStayOnTheHost), "key export --domain --selector --out"),

        new("show the host name and server-wide signing", "GET /server/dkim", "GET /api/server", "server show"),
        new("set the host name", "POST /server/dkim/host", "PATCH /api/server", "server set --host-name"),
        new("turn server-wide signing on or off", "POST /server/dkim/signing", "PATCH /api/server", "server set --signing"),
        new("generate a server-wide key", "POST /server/dkim/generate", "POST /api/server/keys", "key generate --server --selector --algorithm --bits"),
        new("import a server-wide key", "POST /server/dkim/import", "POST /api/server/keys/import", "key import --server --selector --key"),
        new("list the server-wide keys", "GET /server/dkim", "GET /api/server/keys", "key list --server"),
        new("show the DNS record of a server-wide key", "GET /server/dkim", "GET /api/server/keys/{id}/dns", "key dns --server --selector --format"),
        new("check a server-wide key's record in DNS", "POST /server/dkim/keys/{id}/check", "POST /api/server/keys/{id}/dns/check", "key check --server --selector"),
        new("activate a server-wide key", "POST /server/dkim/keys/{id}/activate", "POST /api/server/keys/{id}/activate", "key activate --server --selector --force"),
        new("retire a server-wide key", "POST /server/dkim/keys/{id}/retire", "POST /api/server/keys/{id}/retire", "key retire --server --selector"),
        new("revoke a server-wide key", "POST /server/dkim/keys/{id}/revoke", "POST /api/server/keys/{id}/revoke", "key revoke --server --selector"),
        new("delete a server-wide key", "POST /server/dkim/keys/{id}/delete", "DELETE /api/server/keys/{id}", "key delete --server --selector"),
        new("rotate a server-wide key", "POST /server/dkim/keys/{id}/rotate", "POST /api/server/keys/{id}/rotations", "key rotate --server --selector --new-selector"),

        new("list the server-wide rotations", "GET /server/dkim", "GET /api/server/rotations", "key rotations --server"),

        new("list the DNS publishers", "GET /server/publishers", "GET /api/publishers", "publisher list"),
        new("add an RFC 2136 DNS publisher", "POST /server/publishers/add", "POST /api/publishers", "publisher add --name --primary --zone --key-name --secret-file"),
        new("remove a DNS publisher", "POST /server/publishers/{name}/remove", "DELETE /api/publishers/{name}", "publisher remove --name"),
        new("show a domain's automatic rotation", "GET /domains/{domain}/dkim", "GET /api/domains/{domain}/rotation", "rotation status --domain"),
        new("set a domain's publisher and rotation", "POST /domains/{domain}/dkim/rotation", "PUT /api/domains/{domain}/rotation", "rotation set --domain --publisher --every --keys --selectors --overlap --revoked-for"),
        new("rotate a domain's keys now", "POST /domains/{domain}/dkim/rotation/run-now", "POST /api/domains/{domain}/rotation/run-now", "rotation run-now --domain"),
        new("pause a domain's automatic rotation", "POST /domains/{domain}/dkim/rotation/pause", "POST /api/domains/{domain}/rotation/pause", "rotation pause --domain"),
        new("resume a domain's automatic rotation", "POST /domains/{domain}/dkim/rotation/resume", "POST /api/domains/{domain}/rotation/resume", "rotation resume --domain"),

        new("list the users", "GET /server/users", "GET /api/users", "user list"),
        new("add a user with a role", "POST /server/users/add", "POST /api/users", "user add --name --role --domain --password-file"),
        new("set the domains of a domain admin", "POST /server/users/{id}/domains", "PUT /api/users/{id}/domains", "user domains --name --domain"),
        new("set a user's password", "POST /server/users/{id}/password", "PUT /api/users/{id}/password", "user password --name --password-file"),
        new("remove a user", "POST /server/users/{id}/remove", "DELETE /api/users/{id}", "user remove --name"),

        new("create an API token", "POST /server/users/{id}/tokens", "POST /api/tokens", "token create --user --description --expires-in-days"),
        new("list the API tokens", "GET /server/users", "GET /api/tokens", "token list --user"),
        new("revoke an API token", "POST /server/users/tokens/{id}/revoke", "DELETE /api/tokens/{id}", "token revoke --id"),

        new("read the audit log", "GET /server/audit", "GET /api/audit", "audit list --limit"),
        new("check a message's signatures", "POST /check", "POST /api/check", "verify --in --json"),
        new("explain which keys would sign a message", "GET /domains/{domain}/dkim", "POST /api/policy/explain", "policy explain --in --as"),
        new("back up the store", OperationForm.NotOffered(BackupStaysOnTheHost), OperationForm.NotOffered(BackupStaysOnTheHost), "backup --out"),
    ];
}

using System.Globalization;
using Signet.Admin.Api.Domains;
using Signet.Admin.Api.ServerKey;
using Signet.Admin.Api.Tokens;
using Signet.Admin.Api.Users;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Commands.Store.Remote;

/// <summary>Domains, the server settings, users, tokens and the audit log over <c>/api</c>.</summary>
public sealed partial class ApiStoreClient
{
    public async Task<StoreResult<IReadOnlyList<DomainEntry>>> ListDomainsAsync(Actor actor, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<DomainView>>("api/domains", cancellationToken).ConfigureAwait(false), ToEntry);

    /// <summary>The domains with whether each signs its next message, as the server computes them from one read of its
    /// store: one request whatever their number.</summary>
    public async Task<StoreResult<IReadOnlyList<DomainView>>> ListDomainViewsAsync(CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<DomainView>>("api/domains", cancellationToken).ConfigureAwait(false), view => view);

    /// <summary>Every domain's keys at once would be one request per domain (the API lists keys by domain): refused
    /// rather than grown with the list. <c>signet domain list</c> asks for <see cref="ListDomainViewsAsync"/>.</summary>
    public Task<StoreResult<IReadOnlyList<DomainWithKeys>>> ListDomainsWithKeysAsync(Actor actor, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<IReadOnlyList<DomainWithKeys>>>(new StoreError(StoreErrorKind.Invalid,
            "every domain's keys at once are not offered by the API: list the domains, then each domain's keys (signet key list --domain DOMAIN)"));

    public async Task<StoreResult<DomainEntry>> GetDomainAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        Map(await GetAsync<DomainView>(DomainPath(domain), cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<DomainEntry>> AddDomainAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        Map(await SendAsync<DomainView>(HttpMethod.Post, "api/domains", new AddDomainRequest(domain), cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<DomainEntry>> UpdateDomainAsync(
        Actor actor, string domain, bool? signingEnabled, SubdomainSigning? subdomains, CancellationToken cancellationToken) =>
        Map(await SendAsync<DomainView>(HttpMethod.Patch, DomainPath(domain),
            new UpdateDomainRequest(signingEnabled, subdomains is { } s ? SubdomainNames.Name(s) : null), cancellationToken).ConfigureAwait(false), ToEntry);

    public Task<StoreResult<bool>> RemoveDomainAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Delete, DomainPath(domain), null, cancellationToken);

    public async Task<StoreResult<ServerSettings>> GetServerSettingsAsync(Actor actor, CancellationToken cancellationToken) =>
        Map(await GetAsync<ServerSettingsView>("api/server", cancellationToken).ConfigureAwait(false), v => new ServerSettings(v.HostName, v.ServerSigningEnabled));

    public async Task<StoreResult<ServerSettings>> UpdateServerSettingsAsync(Actor actor, string? hostName, bool? serverSigningEnabled, CancellationToken cancellationToken) =>
        Map(await SendAsync<ServerSettingsView>(HttpMethod.Patch, "api/server", new UpdateServerSettingsRequest(hostName, serverSigningEnabled), cancellationToken)
            .ConfigureAwait(false), v => new ServerSettings(v.HostName, v.ServerSigningEnabled));

    public async Task<StoreResult<IReadOnlyList<UserEntry>>> ListUsersAsync(Actor actor, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<UserView>>("api/users", cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<UserEntry>> AddUserAsync(
        Actor actor, string name, UserRole role, string password, IReadOnlyList<string> domains, CancellationToken cancellationToken) =>
        Map(await SendAsync<UserView>(HttpMethod.Post, "api/users",
            new AddUserRequest(name, role == UserRole.ServerAdmin ? UserView.ServerAdmin : UserView.DomainAdmin, password, domains), cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<UserEntry>> SetUserDomainsAsync(Actor actor, Guid userId, IReadOnlyList<string> domains, CancellationToken cancellationToken) =>
        Map(await SendAsync<UserView>(HttpMethod.Put, $"api/users/{userId}/domains", new SetUserDomainsRequest(domains), cancellationToken).ConfigureAwait(false), ToEntry);

    public Task<StoreResult<bool>> RemoveUserAsync(Actor actor, Guid userId, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Delete, $"api/users/{userId}", null, cancellationToken);

    public Task<StoreResult<bool>> ResetPasswordAsync(Actor actor, Guid userId, string newPassword, string? keepSessionId, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Put, $"api/users/{userId}/password", new SetUserPasswordRequest(newPassword), cancellationToken);

    public Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, CancellationToken cancellationToken) =>
        CreateTokenAsync(actor, userId, description, null, cancellationToken);

    public async Task<StoreResult<string>> CreateTokenAsync(Actor actor, Guid userId, string description, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        Map(await SendAsync<TokenCreatedView>(HttpMethod.Post, "api/tokens", new CreateTokenRequest(userId, description, expiresAt), cancellationToken)
            .ConfigureAwait(false), v => v.Token);

    public async Task<StoreResult<IReadOnlyList<TokenEntry>>> ListTokensAsync(Actor actor, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<TokenView>>("api/tokens", cancellationToken).ConfigureAwait(false),
            t => new TokenEntry(t.Id, t.UserId, t.UserName, t.Prefix, t.Description, t.CreatedAt, t.LastUsedAt, t.ExpiresAt));

    public Task<StoreResult<bool>> RevokeTokenAsync(Actor actor, Guid tokenId, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Delete, $"api/tokens/{tokenId}", null, cancellationToken);

    public async Task<StoreResult<IReadOnlyList<AuditEntry>>> ListAuditAsync(Actor actor, int limit, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<AuditEntry>>("api/audit?limit=" + limit.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false), e => e);

    private static string DomainPath(string domain) => "api/domains/" + Uri.EscapeDataString(domain);

    private static DomainEntry ToEntry(DomainView view) =>
        new(view.Name, view.SigningEnabled, SubdomainNames.TryParse(view.Subdomains, out var subdomains, out _) ? subdomains : SubdomainSigning.UseParentKeys, view.CreatedAt);

    private static UserEntry ToEntry(UserView view) =>
        new(view.Id, view.Name, UserView.TryParseRole(view.Role, out var role) ? role : UserRole.DomainAdmin, view.Domains, view.CreatedAt);
}

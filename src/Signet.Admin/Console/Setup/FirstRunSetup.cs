using System.Security.Cryptography;
using System.Text;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Admin.Console.Setup;

/// <summary>The one-time set-up link that creates the first server admin, so there is never a default password.
/// <c>signet serve</c> calls <see cref="CreateSetupLinkIfNoAdministratorAsync"/> at start and prints the link it
/// returns; the link holds a random token, is valid once, for <see cref="Lifetime"/>, and only while the server has
/// no server admin. Only a hash of the token is kept, in memory: a restart makes a new link.</summary>
public sealed class FirstRunSetup(IUserStore store, TimeProvider time)
{
    /// <summary>Long enough to open the console after reading the service's output; short enough not to linger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly Lock _lock = new();
    private byte[]? _tokenHash;
    private DateTimeOffset _expiresAt;

    /// <summary>The link to print, as <c>{baseUrl}/setup/{token}</c>, or null when a server admin already exists.
    /// Each call makes a new token and the previous one stops working.</summary>
    public async Task<string?> CreateSetupLinkIfNoAdministratorAsync(string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (await HasServerAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        string token = Base64Url(RandomNumberGenerator.GetBytes(32));
        lock (_lock)
        {
            _tokenHash = Hash(token);
            _expiresAt = time.GetUtcNow() + Lifetime;
        }

        return baseUrl.TrimEnd('/') + ConsoleRoutes.Setup + "/" + token;
    }

    /// <summary>Whether a set-up link token is the current one (it is not used up by asking).</summary>
    public bool IsValid(string token)
    {
        lock (_lock)
        {
            return _tokenHash is not null && time.GetUtcNow() < _expiresAt
                && CryptographicOperations.FixedTimeEquals(_tokenHash, Hash(token));
        }
    }

    public async Task<bool> HasServerAdminAsync(CancellationToken cancellationToken)
    {
        var users = await store.ListUsersAsync(Actor.LocalAdministrator, cancellationToken).ConfigureAwait(false);
        return users.TryGetValue(out var all, out _) && all.Any(u => u.Role == UserRole.ServerAdmin);
    }

    /// <summary>Uses the token up and creates the first server admin; if that fails (a short password, say), the
    /// token stays valid so the person can try again.</summary>
    public async Task<StoreResult<UserEntry>> CreateFirstAdministratorAsync(string token, string name, string password, CancellationToken cancellationToken)
    {
        byte[]? taken;
        lock (_lock)
        {
            if (!IsValidLocked(token))
            {
                return StoreResult<UserEntry>.Failure(StoreErrorKind.NotFound, "this set-up link is not valid: it was used already, it expired, or the service restarted");
            }

            taken = _tokenHash;
            _tokenHash = null;
        }

        StoreResult<UserEntry> created = await HasServerAdminAsync(cancellationToken).ConfigureAwait(false)
            ? StoreResult<UserEntry>.Failure(StoreErrorKind.Conflict, "a server admin exists already: sign in instead")
            : await store.AddUserAsync(Actor.LocalAdministrator, name, UserRole.ServerAdmin, password, [], cancellationToken).ConfigureAwait(false);
        if (!created.TryGetValue(out _, out var error) && error.Kind != StoreErrorKind.Conflict)
        {
            lock (_lock)
            {
                _tokenHash ??= taken;
            }
        }

        return created;
    }

    private bool IsValidLocked(string token) =>
        _tokenHash is not null && time.GetUtcNow() < _expiresAt && CryptographicOperations.FixedTimeEquals(_tokenHash, Hash(token));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Signet.Cli;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Commands.Store.Remote;

/// <summary>The store commands' backend when they manage a running <c>signet serve</c> through its REST API: the same
/// <see cref="ISignetStore"/> the commands call on a local store, so they print the same output either way. The API
/// acts as the token's user, not as the local administrator (the <c>actor</c> arguments are not sent), and what the
/// API deliberately does not offer (private keys, sessions, the policy snapshot) is refused with the reason.</summary>
public sealed partial class ApiStoreClient : ISignetStore, IAsyncDisposable
{
    private const string HostOnly = "is done on the mail host itself (signet … --data DIR), not through the API";

    private readonly HttpClient _http;

    public ApiStoreClient(Uri server, string token)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        _http = new HttpClient { BaseAddress = new Uri(server.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("signet-cli", typeof(ApiStoreClient).Assembly.GetName().Version?.ToString() ?? "0"));
    }

    public Uri Server { get; }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<StoreResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) => SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>One API call: the answer as <typeparamref name="T"/> (<c>bool</c> true for 204), or the problem's
    /// detail as a store error of the kind its status stands for. A server that cannot be reached, does not answer,
    /// answers something else than the API, or says its store is unavailable (503) throws
    /// <see cref="StoreUnavailableException"/>, as the local store does when its database fails.</summary>
    private async Task<StoreResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, CliJson.Options.GetTypeInfo(body.GetType()));
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
            }

            if (typeof(T) == typeof(bool))
            {
                return (StoreResult<T>)(object)StoreResult<bool>.Success(true);
            }

            var value = await response.Content.ReadFromJsonAsync(CliJson.TypeInfo<T>(), cancellationToken).ConfigureAwait(false);
            return value is null
                ? throw new StoreUnavailableException($"{Server}: {method} {path} answered nothing")
                : StoreResult<T>.Success(value);
        }
        catch (HttpRequestException exception)
        {
            throw new StoreUnavailableException($"cannot reach {Server}: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StoreUnavailableException($"{Server} did not answer {method} {path} within {_http.Timeout.TotalSeconds:0} seconds", exception);
        }
        catch (JsonException exception)
        {
            throw new StoreUnavailableException($"{Server}: {method} {path} answered something that is not Signet's API: {exception.Message}", exception);
        }
    }

    /// <summary>The reverse of the API's one mapping (ApiProblems.StatusFor): the status names the kind, the problem's
    /// detail is the sentence.</summary>
    private async Task<StoreError> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string detail = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var text) && text.ValueKind == JsonValueKind.String)
            {
                detail = text.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page): the status line says enough.
        }

        StoreErrorKind? kind = response.StatusCode switch
        {
            HttpStatusCode.NotFound => StoreErrorKind.NotFound,
            HttpStatusCode.Forbidden => StoreErrorKind.Forbidden,
            HttpStatusCode.Conflict => StoreErrorKind.Conflict,
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => StoreErrorKind.Invalid,
            HttpStatusCode.Unauthorized => StoreErrorKind.Forbidden,
            _ => null,
        };
        return kind switch
        {
            null => throw new StoreUnavailableException(TerminalText.Printable(detail)),
            _ when response.StatusCode == HttpStatusCode.Unauthorized => new StoreError(StoreErrorKind.Forbidden, $"{Server} refused the token: {detail}"),
            _ => new StoreError(kind.Value, TerminalText.Printable(detail)),
        };
    }

    private static StoreError NotThroughTheApi(string what) => new(StoreErrorKind.Invalid, $"{what} {HostOnly}");

    private static StoreResult<T> Map<TView, T>(StoreResult<TView> result, Func<TView, T> map) =>
        result.TryGetValue(out var value, out var error) ? StoreResult<T>.Success(map(value)) : error;

    private static StoreResult<IReadOnlyList<T>> MapAll<TView, T>(StoreResult<List<TView>> result, Func<TView, T> map) =>
        result.TryGetValue(out var value, out var error) ? StoreResult<IReadOnlyList<T>>.Success(value.Select(map).ToList()) : error;

    public Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<Actor?>>(NotThroughTheApi("signing in with a password"));

    public Task<StoreResult<Actor?>> AuthenticatePasswordAsync(string name, string password, string? address, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<Actor?>>(NotThroughTheApi("signing in with a password"));

    public Task<StoreResult<bool>> ChangeOwnPasswordAsync(Actor actor, string currentPassword, string newPassword, string? keepSessionId, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<bool>>(NotThroughTheApi("changing one's own password"));

    public Task<StoreResult<bool>> StartSessionAsync(Actor actor, string sessionId, SessionLifetime lifetime, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<bool>>(NotThroughTheApi("a console session"));

    public Task<StoreResult<Actor?>> ResumeSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<Actor?>>(NotThroughTheApi("a console session"));

    public Task<StoreResult<bool>> EndSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<bool>>(NotThroughTheApi("a console session"));

    public Task<StoreResult<TokenCheck>> CheckTokenAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<TokenCheck>>(NotThroughTheApi("checking a token"));

    public Task<StoreResult<Actor?>> AuthenticateTokenAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<Actor?>>(NotThroughTheApi("checking a token"));

    public Task<StoreResult<IReadOnlyList<RotationEntry>>> AdvanceRotationsAsync(Actor actor, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<IReadOnlyList<RotationEntry>>>(NotThroughTheApi("moving rotations on"));

    public Task<StoreResult<string>> ExportPrivateKeyPemAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) =>
        Task.FromResult<StoreResult<string>>(new StoreError(StoreErrorKind.Forbidden,
            "private keys never leave through the API: run signet key export on the mail host"));

    // The signing snapshots hold what the milter needs to sign; commands that need them refuse remote mode first.
    public Task<SigningSnapshot> GetSigningSnapshotAsync(CancellationToken cancellationToken) => throw new NotSupportedException("the signing snapshot " + HostOnly);

    public Task<SigningSnapshot> GetPolicySnapshotAsync(CancellationToken cancellationToken) => throw new NotSupportedException("the policy snapshot " + HostOnly);

    public Task<long> GetRevisionAsync(CancellationToken cancellationToken) => throw new NotSupportedException("the store revision " + HostOnly);
}

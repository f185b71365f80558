using Signet.Admin.Api.Rotation;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Commands.Store.Remote;

/// <summary>DNS publishers and each domain's hands-off rotation over <c>/api/publishers</c> and
/// <c>/api/domains/{domain}/rotation</c>. The TSIG secret goes to the server once, when a publisher is added; no
/// answer carries it back.</summary>
public sealed partial class ApiStoreClient
{
    public async Task<StoreResult<IReadOnlyList<PublisherEntry>>> ListPublishersAsync(Actor actor, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<PublisherView>>("api/publishers", cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<PublisherEntry>> AddPublisherAsync(Actor actor, PublisherRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new AddPublisherRequest(request.Name, request.Primary, request.Zone, request.KeyName, request.Secret);
        return Map(await SendAsync<PublisherView>(HttpMethod.Post, "api/publishers", body, cancellationToken).ConfigureAwait(false), ToEntry);
    }

    public Task<StoreResult<bool>> RemovePublisherAsync(Actor actor, string name, CancellationToken cancellationToken) =>
        SendAsync<bool>(HttpMethod.Delete, "api/publishers/" + Uri.EscapeDataString(name), null, cancellationToken);

    public async Task<StoreResult<DomainRotationSettings>> GetRotationSettingsAsync(Actor actor, string domain, CancellationToken cancellationToken)
    {
        var status = await GetRotationStatusAsync(actor, domain, cancellationToken).ConfigureAwait(false);
        return status.TryGetValue(out var value, out var error) ? StoreResult<DomainRotationSettings>.Success(value.Settings) : error;
    }

    public async Task<StoreResult<DomainRotationSettings>> SetRotationSettingsAsync(Actor actor, string domain, DomainRotationSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var body = new RotationSettingsRequest(settings.Publisher, settings.Interval, RotationNames.Name(settings.KeyKinds),
            RotationNames.Name(settings.SelectorScheme), settings.Overlap, settings.RevokedRecordLifetime, settings.Paused);
        var status = Map(await SendAsync<AutomaticRotationView>(HttpMethod.Put, RotationPath(domain), body, cancellationToken).ConfigureAwait(false), ToStatus);
        return status.TryGetValue(out var value, out var error) ? StoreResult<DomainRotationSettings>.Success(value.Settings) : error;
    }

    public async Task<StoreResult<AutomaticRotationStatus>> GetRotationStatusAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        Map(await GetAsync<AutomaticRotationView>(RotationPath(domain), cancellationToken).ConfigureAwait(false), ToStatus);

    public async Task<StoreResult<AutomaticRotationStatus>> RequestRotationNowAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        Map(await SendAsync<AutomaticRotationView>(HttpMethod.Post, RotationPath(domain) + "/run-now", null, cancellationToken).ConfigureAwait(false), ToStatus);

    public async Task<StoreResult<AutomaticRotationStatus>> PauseRotationAsync(Actor actor, string domain, bool paused, CancellationToken cancellationToken) =>
        Map(await SendAsync<AutomaticRotationView>(HttpMethod.Post, RotationPath(domain) + (paused ? "/pause" : "/resume"), null, cancellationToken).ConfigureAwait(false), ToStatus);

    private static string RotationPath(string domain) => "api/domains/" + Uri.EscapeDataString(domain) + "/rotation";

    private static PublisherEntry ToEntry(PublisherView view) =>
        new(Guid.Empty, view.Name, PublisherKind.Rfc2136, view.Primary, view.Zone, view.KeyName, view.CreatedAt);

    // The API's names are read back by the same parser the API uses for requests, so both sides agree on them.
    private static AutomaticRotationStatus ToStatus(AutomaticRotationView view)
    {
        var request = new RotationSettingsRequest(view.Publisher, view.Interval, view.KeyKinds, view.SelectorScheme, view.Overlap,
            view.RevokedRecordLifetime, view.Paused);
        var settings = RotationNames.TryParse(request, out var parsed, out _) ? parsed : new DomainRotationSettings();
        return new AutomaticRotationStatus(view.Domain, settings, view.Step, view.StepAt, view.NextRotationAt, view.Attempts,
            view.NextAttemptAt, view.LastFailure, view.RunNowRequested);
    }
}

using System.Net;
using DnsClient;
using Signet.Dkim.Lookup;

namespace Signet.Dns;

/// <summary>Looks TXT records up in DNS, through the configured servers or the system's resolvers, and keeps answers
/// for their TTL. Every infrastructure fault comes back as a result; only the caller's cancellation is thrown.</summary>
public sealed class DnsTxtRecordSource : ITxtRecordSource
{
    private readonly LookupClient _client;
    private readonly DnsResolverOptions _options;
    private readonly TxtLookupCache? _cache;
    private readonly string _servers;

    public DnsTxtRecordSource(DnsResolverOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates the source; <paramref name="timeProvider"/> is the clock the cache expires by.</summary>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="DnsResolverOptions.TryValidate"/>).</exception>
    public DnsTxtRecordSource(DnsResolverOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!options.TryValidate(out string error))
        {
            throw new ArgumentException(error, nameof(options));
        }

        _options = options;
        _client = new LookupClient(CreateLookupOptions(options));
        _cache = options.UseCache ? new TxtLookupCache(timeProvider) : null;
        _servers = string.Join(", ", _client.NameServers.Select(DnsOutcomeMapping.DescribeServer));
        if (_servers.Length == 0)
        {
            _servers = "the system's resolvers";
        }
    }

    public async ValueTask<TxtLookupResult> LookupTxtAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        string queryName = name.EndsWith('.') ? name[..^1] : name;
        if (_cache is not null && _cache.TryGet(queryName, out var cached))
        {
            return cached;
        }

        var (result, lifetime) = await QueryAsync(queryName, cancellationToken).ConfigureAwait(false);
        _cache?.Store(queryName, result, lifetime);
        return result;
    }

    private async Task<(TxtLookupResult Result, TimeSpan Lifetime)> QueryAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            var result = DnsOutcomeMapping.FromResponse(name, response);
            return (result, DnsCacheLifetime.For(result, response, _options));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The edge of the network: every fault becomes a result, classified in one place.
            // DnsClient reports the caller's cancellation as a timeout; it is the caller's, so it is thrown.
            cancellationToken.ThrowIfCancellationRequested();
            var result = DnsOutcomeMapping.FromException(exception, name, _servers, _options.Timeout, _options.Retries + 1);
            return (result, TimeSpan.Zero);
        }
    }

    private static LookupClientOptions CreateLookupOptions(DnsResolverOptions options)
    {
        var endpoints = options.Servers
            .Select(text => DnsResolverOptions.TryParseEndpoint(text, out IPEndPoint endpoint, out _) ? endpoint : null!)
            .ToArray();
        var lookupOptions = endpoints.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(endpoints);

        // Caching is ours (TTL capped, negative answers bounded, failures never kept); DnsClient's is turned off.
        lookupOptions.UseCache = false;
        lookupOptions.Timeout = options.Timeout;
        lookupOptions.Retries = options.Retries;
        lookupOptions.ThrowDnsErrors = false;
        lookupOptions.ContinueOnDnsError = true;
        lookupOptions.ContinueOnEmptyResponse = false;
        lookupOptions.UseTcpFallback = true;
        return lookupOptions;
    }
}

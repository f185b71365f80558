using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Signet.Dkim.Lookup;

namespace Signet.Dns.Authoritative;

/// <summary>Asks every authoritative server of a name's zone for its TXT records, directly and afresh: the zone and
/// its NS records come from the configured resolver, then each server's address is asked without recursion and
/// without any cache, so an explicit check sees what the servers serve now, not what a cache kept. Servers that
/// disagree show up as such (one still serving an old record while the other serves the new one).</summary>
public sealed class AuthoritativeTxtLookup
{
    private readonly DnsResolverOptions _options;
    private readonly LookupClient _resolver;
    private readonly string _resolverNames;

    /// <exception cref="ArgumentException">The options are not valid (see <see cref="DnsResolverOptions.TryValidate"/>).</exception>
    public AuthoritativeTxtLookup(DnsResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.TryValidate(out string error))
        {
            throw new ArgumentException(error, nameof(options));
        }

        _options = options;
        var endpoints = options.Servers
            .Select(text => DnsResolverOptions.TryParseEndpoint(text, out IPEndPoint endpoint, out _) ? endpoint : null!)
            .ToArray();
        _resolver = new LookupClient(Configure(endpoints.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(endpoints), recursion: true));
        _resolverNames = string.Join(", ", _resolver.NameServers.Select(DnsOutcomeMapping.DescribeServer));
    }

    /// <summary>Finds the servers and asks each; infrastructure faults become answers or <see cref="AuthoritativeTxtAnswers.Failure"/>,
    /// only the caller's cancellation is thrown.</summary>
    public async Task<AuthoritativeTxtAnswers> LookupAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        string queryName = name.TrimEnd('.');
        var zone = await FindZoneAsync(queryName, cancellationToken).ConfigureAwait(false);
        if (zone.Failure.Length > 0)
        {
            return new AuthoritativeTxtAnswers { Name = queryName, QueriedName = zone.Target, Failure = zone.Failure };
        }

        var servers = await FindServersAsync(zone.Zone, cancellationToken).ConfigureAwait(false);
        if (servers.Failure.Length > 0)
        {
            return new AuthoritativeTxtAnswers { Name = queryName, QueriedName = zone.Target, Zone = zone.Zone, Failure = servers.Failure };
        }

        var answers = await Task.WhenAll(servers.Servers.Select(s => AskAsync(s.Name, s.Endpoint, zone.Target, cancellationToken))).ConfigureAwait(false);
        return new AuthoritativeTxtAnswers { Name = queryName, QueriedName = zone.Target, Zone = zone.Zone, Answers = answers };
    }

    // The zone is the owner of the SOA record the resolver returns for the name: in the answer at an apex, in the
    // authority section of a NODATA or NXDOMAIN answer otherwise (RFC 2308 §2). A CNAME chain is followed to its end,
    // which is what a receiver's lookup reaches (RFC 1034 §3.6.2).
    private async Task<(string Zone, string Target, string Failure)> FindZoneAsync(string name, CancellationToken cancellationToken)
    {
        var response = await QueryResolverAsync(name, QueryType.SOA, cancellationToken).ConfigureAwait(false);
        if (response.Failure.Length > 0)
        {
            return (string.Empty, name, $"the zone of {name} could not be found: {response.Failure}");
        }

        string target = name;
        foreach (var cname in response.Answer!.Answers.CnameRecords())
        {
            target = cname.CanonicalName.Value.TrimEnd('.');
        }

        var soa = response.Answer.Answers.SoaRecords().Concat(response.Answer.Authorities.SoaRecords()).FirstOrDefault();
        return soa is null
            ? (string.Empty, target, $"the resolver ({_resolverNames}) gave no SOA record for {target}, so its zone and servers are unknown")
            : (soa.DomainName.Value.TrimEnd('.'), target, string.Empty);
    }

    private async Task<(IReadOnlyList<(string Name, IPEndPoint Endpoint)> Servers, string Failure)> FindServersAsync(string zone, CancellationToken cancellationToken)
    {
        var response = await QueryResolverAsync(zone, QueryType.NS, cancellationToken).ConfigureAwait(false);
        if (response.Failure.Length > 0)
        {
            return ([], $"the name servers of {zone} could not be found: {response.Failure}");
        }

        var names = response.Answer!.Answers.NsRecords().Select(ns => ns.NSDName.Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            return ([], $"{zone} has no NS records at the resolver ({_resolverNames})");
        }

        var servers = new List<(string, IPEndPoint)>();
        var unresolved = new List<string>();
        foreach (string server in names)
        {
            var addresses = await AddressesOfAsync(server, response.Answer, cancellationToken).ConfigureAwait(false);
            servers.AddRange(addresses.Select(address => (server, new IPEndPoint(address, _options.AuthoritativePort))));
            if (addresses.Count == 0)
            {
                unresolved.Add(server);
            }
        }

        return servers.Count > 0
            ? (servers, string.Empty)
            : ([], $"no address was found for the name servers of {zone} ({string.Join(", ", unresolved)})");
    }

    private async Task<IReadOnlyList<IPAddress>> AddressesOfAsync(string server, IDnsQueryResponse nsResponse, CancellationToken cancellationToken)
    {
        // RFC 6761 §6.3: localhost is always the loopback address, and is not asked for.
        if (server.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback];
        }

        var glue = nsResponse.Additionals.OfType<AddressRecord>()
            .Where(a => a.DomainName.Value.TrimEnd('.').Equals(server, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Address).ToList();
        if (glue.Count > 0)
        {
            return glue;
        }

        var addresses = new List<IPAddress>();
        foreach (var type in new[] { QueryType.A, QueryType.AAAA })
        {
            var response = await QueryResolverAsync(server, type, cancellationToken).ConfigureAwait(false);
            if (response.Answer is { } answer)
            {
                addresses.AddRange(answer.Answers.OfType<AddressRecord>().Select(a => a.Address));
            }
        }

        return addresses;
    }

    private async Task<(IDnsQueryResponse? Answer, string Failure)> QueryResolverAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _resolver.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            var code = (DnsResponseCode)response.Header.ResponseCode;
            return code is DnsResponseCode.NoError or DnsResponseCode.NotExistentDomain
                ? (response, string.Empty)
                : (null, DnsOutcomeMapping.FromResponseCode(code, name, _resolverNames).Detail);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return (null, DnsOutcomeMapping.FromException(exception, name, _resolverNames, _options.Timeout, _options.Retries + 1).Detail);
        }
    }

    private async Task<AuthoritativeServerAnswer> AskAsync(string serverName, IPEndPoint endpoint, string name, CancellationToken cancellationToken)
    {
        // RFC 1035 §4.1.1: RD clear, so the server answers from its own zone data and never from a cache.
        var client = new LookupClient(Configure(new LookupClientOptions(endpoint), recursion: false));
        string server = $"{serverName} ({DnsOutcomeMapping.DescribeEndpoint(endpoint.Address.ToString(), endpoint.Port)})";
        try
        {
            var response = await client.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            var code = (DnsResponseCode)response.Header.ResponseCode;
            var lookup = code == DnsResponseCode.NoError || code == DnsResponseCode.NotExistentDomain
                ? DnsOutcomeMapping.FromResponse(name, response)
                : DnsOutcomeMapping.FromResponseCode(code, name, server);
            return new AuthoritativeServerAnswer(serverName, endpoint, OutcomeOf(code, lookup), lookup);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lookup = DnsOutcomeMapping.FromException(exception, name, server, _options.Timeout, _options.Retries + 1);
            bool timedOut = exception is TimeoutException or OperationCanceledException
                || exception is DnsResponseException { Code: DnsResponseCode.ConnectionTimeout };
            return new AuthoritativeServerAnswer(serverName, endpoint, timedOut ? AuthoritativeServerOutcome.Timeout : AuthoritativeServerOutcome.Failed, lookup);
        }
    }

    private static AuthoritativeServerOutcome OutcomeOf(DnsResponseCode code, TxtLookupResult lookup) => code switch
    {
        DnsResponseCode.ServerFailure => AuthoritativeServerOutcome.ServerFailure,
        DnsResponseCode.Refused => AuthoritativeServerOutcome.Refused,
        DnsResponseCode.ConnectionTimeout => AuthoritativeServerOutcome.Timeout,
        _ => lookup.Status switch
        {
            TxtLookupStatus.Found => AuthoritativeServerOutcome.Answered,
            TxtLookupStatus.NotFound => AuthoritativeServerOutcome.NotFound,
            _ => AuthoritativeServerOutcome.Failed,
        },
    };

    private LookupClientOptions Configure(LookupClientOptions options, bool recursion)
    {
        options.UseCache = false; // an explicit check is never answered from a cache
        options.Recursion = recursion;
        options.Timeout = _options.Timeout;
        options.Retries = _options.Retries;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        options.UseTcpFallback = true;
        return options;
    }
}

using System.Globalization;
using System.Net.Sockets;
using DnsClient;
using Signet.Dkim.Lookup;
using DnsTxtAnswer = DnsClient.Protocol.TxtRecord;
using TxtRecord = Signet.Dkim.Lookup.TxtRecord;

namespace Signet.Dns;

/// <summary>The one place that decides what a DNS outcome means for a key lookup. RFC 6376 §6.1.2: a key that is
/// not there is a permanent failure of that signature; a key that could not be fetched is a temporary one, so the
/// message can be tried again later.</summary>
internal static class DnsOutcomeMapping
{
    /// <summary>Maps an answer, with or without an error code.</summary>
    public static TxtLookupResult FromResponse(string name, IDnsQueryResponse response)
    {
        var code = (DnsResponseCode)response.Header.ResponseCode;
        if (code != DnsResponseCode.NoError)
        {
            return FromResponseCode(code, name, DescribeServer(response.NameServer));
        }

        var answers = response.Answers.TxtRecords().ToList();
        if (answers.Count == 0)
        {
            // RFC 2308 §2.2: NOERROR with no answer of the asked type is NODATA; the key is just as absent.
            return TxtLookupResult.NotFound($"no TXT record at {name} (NODATA)");
        }

        var records = new List<TxtRecord>(answers.Count);
        foreach (var answer in answers)
        {
            if (!TryReadStrings(answer, out var strings, out string error))
            {
                return TxtLookupResult.PermanentFailure(
                    $"malformed TXT data at {name} from {DescribeServer(response.NameServer)}: {error}");
            }

            records.Add(new TxtRecord(strings));
        }

        return TxtLookupResult.Found(records);
    }

    /// <summary>Maps an RCODE (RFC 1035 §4.1.1, RFC 6895 §2.3), whether it came in an answer or in an exception.</summary>
    public static TxtLookupResult FromResponseCode(DnsResponseCode code, string name, string server) => code switch
    {
        DnsResponseCode.NoError => TxtLookupResult.NotFound($"no TXT record at {name} (NODATA)"),
        DnsResponseCode.NotExistentDomain => TxtLookupResult.NotFound($"no TXT record at {name} (NXDOMAIN)"),
        DnsResponseCode.FormatError => TxtLookupResult.PermanentFailure($"FORMERR from {server} for {name}"),
        DnsResponseCode.ServerFailure => TxtLookupResult.TemporaryFailure($"SERVFAIL from {server} for {name}"),
        DnsResponseCode.Refused => TxtLookupResult.TemporaryFailure($"REFUSED from {server} for {name}"),
        DnsResponseCode.ConnectionTimeout => TxtLookupResult.TemporaryFailure($"no answer from {server} for {name}"),

        // Any other code says something about the server, not about the key: try again later.
        _ => TxtLookupResult.TemporaryFailure($"{RcodeName(code)} from {server} for {name}"),
    };

    /// <summary>Maps a failure to get any answer. <paramref name="servers"/> names the servers asked.</summary>
    public static TxtLookupResult FromException(Exception exception, string name, string servers, TimeSpan timeout, int tries) =>
        exception switch
        {
            DnsResponseParseException parse =>
                TxtLookupResult.PermanentFailure($"malformed answer from {servers} for {name}: {parse.Message}"),
            DnsResponseException { Code: DnsResponseCode.ConnectionTimeout } or TimeoutException or OperationCanceledException =>
                TxtLookupResult.TemporaryFailure(
                    $"timed out after {FormatDuration(timeout)} ({tries} {(tries == 1 ? "try" : "tries")}) asking {servers} for {name}"),
            DnsResponseException { InnerException: { } inner } when IsNetworkError(inner) =>
                TxtLookupResult.TemporaryFailure($"network error asking {servers} for {name}: {inner.Message}"),
            DnsResponseException { Code: not DnsResponseCode.Unassigned } response =>
                FromResponseCode(response.Code, name, servers),
            _ when IsNetworkError(exception) =>
                TxtLookupResult.TemporaryFailure($"network error asking {servers} for {name}: {exception.Message}"),
            ArgumentException =>
                TxtLookupResult.PermanentFailure($"\"{name}\" is not a name that can be looked up: {exception.Message}"),
            _ => TxtLookupResult.TemporaryFailure($"lookup of {name} at {servers} failed: {exception.Message}"),
        };

    public static string DescribeServer(NameServer? server) =>
        server is null ? "the resolver" : DescribeEndpoint(server.Address, server.Port);

    public static string DescribeEndpoint(string address, int port) =>
        address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";

    private static bool IsNetworkError(Exception exception) => exception is SocketException or IOException;

    private static bool TryReadStrings(DnsTxtAnswer answer, out List<byte[]> strings, out string error)
    {
        strings = [];
        var escaped = answer.EscapedText.ToList();
        var text = answer.Text.ToList();
        for (int i = 0; i < escaped.Count && i < text.Count; i++)
        {
            if (!DnsClientTxtBytes.TryRecover(escaped[i], text[i], out byte[] bytes))
            {
                error = $"the bytes of string {i + 1} cannot be recovered exactly";
                return false;
            }

            strings.Add(bytes);
        }

        error = escaped.Count == text.Count ? string.Empty : "the client's two readings of the record disagree";
        return error.Length == 0;
    }

    private static string RcodeName(DnsResponseCode code) => code switch
    {
        DnsResponseCode.NotImplemented => "NOTIMP",
        DnsResponseCode.NotAuthorized => "NOTAUTH",
        DnsResponseCode.NotZone => "NOTZONE",
        DnsResponseCode.BadVersionOrBadSignature => "BADVERS",
        _ => "RCODE " + ((int)code).ToString(CultureInfo.InvariantCulture),
    };

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1 && duration.Milliseconds == 0
            ? duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"
            : duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}

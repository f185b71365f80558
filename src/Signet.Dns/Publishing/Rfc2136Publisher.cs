using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using UpdateClient = ARSoft.Tools.Net.Dns.DnsClient;
using Signet.Dkim.DnsText;

namespace Signet.Dns.Publishing;

/// <summary>Publishes key records by DNS UPDATE (RFC 2136) signed with TSIG hmac-sha256 (RFC 8945), which BIND, Knot,
/// PowerDNS and most appliances accept. Each change is one update message, so the server applies it whole or not at
/// all (RFC 2136 §3.4); the wire format and the TSIG signing and checking are ARSoft.Tools.Net's.</summary>
public sealed class Rfc2136Publisher : IDkimRecordPublisher
{
    /// <summary>The longest value accepted: an RSA 4096 key record is about 750 bytes; 4 KB leaves room for notes
    /// and keeps an update far below the 64 KB a DNS message can hold.</summary>
    public const int MaximumValueBytes = 4096;

    // RFC 8945 §10: 300 seconds is the recommended fudge.
    private static readonly TimeSpan Fudge = TimeSpan.FromMinutes(5);

    private readonly Rfc2136PublisherSettings _settings;
    private readonly DomainName _zone;
    private readonly string _zoneText;
    private readonly TimeProvider _time;

    /// <exception cref="ArgumentException">The settings are not valid (see <see cref="Rfc2136PublisherSettings.TryValidate"/>).</exception>
    public Rfc2136Publisher(Rfc2136PublisherSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        if (!settings.TryValidate(out string error))
        {
            throw new ArgumentException(error, nameof(settings));
        }

        _settings = settings;
        _time = time;
        DnsNames.TryNormalize(settings.Zone, out _zoneText, out _);
        _zone = DomainName.Parse(_zoneText);
    }

    public string Description => $"RFC 2136 update of {_zoneText} at {_settings.Primary}";

    public async Task<PublicationResult> PublishAsync(string name, string value, CancellationToken cancellationToken)
    {
        if (Check(name, value, out string checkedName) is { } invalid)
        {
            return invalid;
        }

        var record = Record(checkedName, value);

        // RFC 2136 §2.4.3: "RRset does not exist", so a TXT record someone else put there is never overwritten.
        var added = await SendAsync(checkedName, u =>
        {
            u.Prequisites.Add(new RecordNotExistsPrequisite(record.Name, RecordType.Txt));
            u.Updates.Add(new AddRecordUpdate(record));
        }, cancellationToken).ConfigureAwait(false);
        if (added.Code != ReturnCode.YXRRSet || added.Result is not null)
        {
            return added.Result ?? PublicationResult.Done($"published {checkedName} at {_settings.Primary}");
        }

        // RFC 2136 §2.4.2: the name holds TXT records; succeed only when they are exactly this one (a retry).
        var same = await SendAsync(checkedName, u => u.Prequisites.Add(new RecordExistsValueDependantPrequisite(record)), cancellationToken)
            .ConfigureAwait(false);
        return same.Code switch
        {
            ReturnCode.NoError => PublicationResult.Done($"{checkedName} was already published at {_settings.Primary}"),
            ReturnCode.NXRRSet => PublicationResult.Failed(PublicationFailure.RecordConflict,
                $"{checkedName} already holds a different TXT record at {_settings.Primary}; Signet does not overwrite a record it did not publish: remove it, or choose another selector"),
            _ => same.Result ?? PublicationResult.Failed(PublicationFailure.Failed, $"{Rcode(same.Code)} from {_settings.Primary} for {checkedName}"),
        };
    }

    public async Task<PublicationResult> ReplaceAsync(string name, string value, CancellationToken cancellationToken)
    {
        if (Check(name, value, out string checkedName) is { } invalid)
        {
            return invalid;
        }

        var record = Record(checkedName, value);
        var replaced = await SendAsync(checkedName, u =>
        {
            u.Updates.Add(new DeleteAllRecordsUpdate(record.Name, RecordType.Txt));
            u.Updates.Add(new AddRecordUpdate(record));
        }, cancellationToken).ConfigureAwait(false);
        return Finish(replaced, checkedName, $"replaced the TXT record at {checkedName} at {_settings.Primary}");
    }

    public async Task<PublicationResult> UnpublishAsync(string name, CancellationToken cancellationToken)
    {
        if (Check(name, string.Empty, out string checkedName) is { } invalid)
        {
            return invalid;
        }

        var removed = await SendAsync(checkedName, u => u.Updates.Add(new DeleteAllRecordsUpdate(DomainName.Parse(checkedName), RecordType.Txt)),
            cancellationToken).ConfigureAwait(false);
        return Finish(removed, checkedName, $"removed the TXT records at {checkedName} at {_settings.Primary}");
    }

    private TxtRecord Record(string name, string value) =>
        new(DomainName.Parse(name), _settings.RecordTtl, DkimDnsTextFormatter.Split(value));

    private PublicationResult? Check(string name, string value, out string normalized)
    {
        if (!DnsNames.TryNormalize(name, out normalized, out string error))
        {
            return PublicationResult.Failed(PublicationFailure.InvalidName, error);
        }

        if (!DnsNames.IsWithin(normalized, _zoneText))
        {
            return PublicationResult.Failed(PublicationFailure.InvalidName, $"{normalized} is not within the zone {_zoneText} this publisher updates");
        }

        if (value.Length > MaximumValueBytes)
        {
            return PublicationResult.Failed(PublicationFailure.InvalidValue,
                $"the record value has {value.Length} characters; at most {MaximumValueBytes} are published");
        }

        // RFC 6376 §3.6.1: a key record is a tag-list of printable ASCII and whitespace.
        return value.Any(c => c is not ('\t' or (>= ' ' and <= '~')))
            ? PublicationResult.Failed(PublicationFailure.InvalidValue,
                "the record value holds a control or non-ASCII character; a DKIM key record is printable ASCII (RFC 6376 §3.6.1)")
            : null;
    }

    private async Task<(ReturnCode Code, PublicationResult? Result)> SendAsync(string name, Action<DnsUpdateMessage> fill, CancellationToken cancellationToken)
    {
        var message = new DnsUpdateMessage { ZoneName = _zone };
        fill(message);
        message.TSigOptions = new TSigRecord(DomainName.Parse(_settings.KeyName), TSigAlgorithm.Sha256, _time.GetUtcNow().UtcDateTime, Fudge,
            message.TransactionID, ReturnCode.NoError, null, [.. _settings.Secret]);
        var client = new UpdateClient([_settings.Primary.Address],
            [new UdpClientTransport(_settings.Primary.Port), new TcpClientTransport(_settings.Primary.Port)],
            false, (int)_settings.Timeout.TotalMilliseconds);
        DnsUpdateMessage? response;
        try
        {
            response = await client.SendUpdateAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (ReturnCode.ServerFailure, PublicationResult.Failed(PublicationFailure.Failed,
                $"the update of {name} could not be sent to {_settings.Primary}: {exception.Message}"));
        }

        return UpdateResponseMapping.Map(response, name, _settings);
    }

    private PublicationResult Finish((ReturnCode Code, PublicationResult? Result) outcome, string name, string done) =>
        outcome.Result ?? (outcome.Code == ReturnCode.NoError
            ? PublicationResult.Done(done)
            : PublicationResult.Failed(PublicationFailure.Failed, $"{Rcode(outcome.Code)} from {_settings.Primary} for {name}"));

    private static string Rcode(ReturnCode code) => UpdateResponseMapping.Name(code);
}

using System.Text;
using Signet.Dkim.Messages;
using Signet.Dkim.Results;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Mail.Policy;

namespace Signet.Mail.Processing;

/// <summary>One message going through the DKIM step: header fields one by one, then end of headers (direction chosen,
/// signing policy asked, key lookups started), then the body chunk by chunk straight into the engine (never buffered
/// here), then completion, which gives the header edits. Internal failures end as the configured failure action.</summary>
public sealed class DkimMessageProcessing : IDisposable
{
    private const string ResultsField = AuthenticationResultsWriter.FieldName;

    private readonly DkimMessageProcessor _shared;
    private readonly List<DkimHeaderField> _fields = [];
    private readonly List<DkimRemovedField> _claimedResults = [];
    private int _position;
    private uint _resultsFieldCount;
    private long _headerBytes;
    private long _bodyBytes;
    private string? _headerProblem;
    private DkimMessageOrigin _origin = new(null, null, null, null);
    private DkimMessageHeader _header = new([]);
    private bool _outbound;
    private DkimSigner? _signer;
    private DkimSigning? _signing;
    private DkimVerification? _verification;
    private string? _failure;
    private string? _refusal;
    private string? _skipReason;

    internal DkimMessageProcessing(DkimMessageProcessor shared) => _shared = shared;

    /// <summary>Whether the message is being signed (known after <see cref="EndOfHeadersAsync"/>).</summary>
    public bool IsOutbound => _outbound;

    /// <summary>The next header field, top first, exactly as the message carries it (CRLF line endings).</summary>
    public void AddHeaderField(DkimHeaderField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.IsNamed(ResultsField))
        {
            _resultsFieldCount++;
            if (AuthservIdReader.Claims(field.Value, _shared.Options.AuthservId))
            {
                _claimedResults.Add(new DkimRemovedField(_position, ResultsField, _resultsFieldCount));
            }
        }

        _position++;
        _headerBytes += field.Raw.Length;
        if (_headerBytes <= _shared.Options.MaximumHeaderSize)
        {
            _fields.Add(field);
        }
    }

    /// <summary>The header section could not be read into fields: sign nothing (failure action), verify nothing.</summary>
    public void MarkHeaderUnusable(string reason) => _headerProblem ??= reason;

    public async ValueTask EndOfHeadersAsync(DkimMessageOrigin origin, CancellationToken cancellationToken)
    {
        _origin = origin ?? throw new ArgumentNullException(nameof(origin));
        _header = new DkimMessageHeader([.. _fields]);
        _outbound = _shared.Classifier.IsOutbound(origin, out string reason);
        _shared.Logger.DirectionChosen(origin.QueueId, _outbound ? "outbound, to sign" : "inbound, to verify", reason);
        string? problem = _headerProblem ?? (_headerBytes > _shared.Options.MaximumHeaderSize
            ? $"the header section exceeds {_shared.Options.MaximumHeaderSize} bytes"
            : null);
        if (_outbound)
        {
            _failure = problem;
            if (_failure is null)
            {
                await BeginSigningAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else if ((_skipReason = problem) is null)
        {
            Guard(() => _verification = _shared.Verifier.Begin(_header, cancellationToken));
        }
    }

    /// <summary>The next body chunk, in any split; it is hashed at once and not kept.</summary>
    public void AppendBody(ReadOnlySpan<byte> chunk)
    {
        _bodyBytes += chunk.Length;
        if (_verification is not null && _bodyBytes > _shared.Options.MaximumVerifiedMessageSize)
        {
            _skipReason = $"the body exceeds {_shared.Options.MaximumVerifiedMessageSize} bytes";
            _verification.Dispose();
            _verification = null;
        }

        if (_signing is null && _verification is null)
        {
            return;
        }

        try
        {
            _signing?.AppendBody(chunk);
            _verification?.AppendBody(chunk);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RecordFailure(exception);
        }
    }

    /// <summary>Ends the message: the header edits and the verdict.</summary>
    public async ValueTask<DkimMessageOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _outbound ? FinishSigning() : await FinishVerificationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _failure = exception.Message;
            return Fail();
        }
        finally
        {
            DisposeEngines();
        }
    }

    public void Dispose() => DisposeEngines();

    private async Task BeginSigningAsync(CancellationToken cancellationToken)
    {
        MailSigningDecision decision;
        try
        {
            var request = new MailSigningContext(_header, _origin.QueueId, _origin.AuthenticatedUser, _origin.ClientAddress, _origin.EnvelopeSender);
            decision = await _shared.SigningPolicy.DecideAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _failure = "the signing policy failed: " + exception.Message;
            return;
        }

        if (!decision.IsAvailable)
        {
            _failure = "the signing policy is unavailable: " + decision.Explanation;
        }
        else if (decision.IsRefused)
        {
            bool reject = _shared.Options.UnauthorizedSenderAction == UnauthorizedSenderAction.Reject;
            _shared.Logger.SenderRefused(_origin.QueueId, decision.Explanation, reject ? "rejecting" : "passing it on unsigned");
            _refusal = reject ? decision.Explanation : null;
        }
        else if (decision.Requests.Count == 0)
        {
            _shared.Logger.SigningNotRequested(_origin.QueueId, decision.Explanation);
        }
        else if (!DkimSigner.TryCreate(decision.Requests, _shared.Time, out var signer, out string error))
        {
            _failure = "the signing policy gave an unusable key: " + error;
        }
        else
        {
            _signer = signer;
            Guard(() => _signing = signer.Begin(_header));
        }
    }

    private DkimMessageOutcome FinishSigning()
    {
        if (_failure is not null)
        {
            return Fail();
        }

        if (_refusal is not null)
        {
            // RFC 3463 §3.8: X.7.1 "delivery not authorized, message refused".
            return new DkimMessageOutcome([], [], DkimMessageVerdict.Reject) { Reply = ("550", "5.7.1", ReplyText("not signed: " + _refusal)) };
        }

        var removed = RemoveClaimedResults();
        if (_signing is null || _signer is null)
        {
            return new DkimMessageOutcome([], removed, DkimMessageVerdict.Deliver);
        }

        var signatures = _signing.Complete();
        foreach (var request in _signer.Requests)
        {
            _shared.Logger.MessageSigned(_origin.QueueId, request.SigningDomain, request.Selector, "signed");
        }

        return new DkimMessageOutcome(signatures, removed, DkimMessageVerdict.Deliver);
    }

    private async Task<DkimMessageOutcome> FinishVerificationAsync(CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            return Fail();
        }

        var removed = RemoveClaimedResults();
        if (_skipReason is not null || _verification is null)
        {
            _shared.Logger.VerificationSkipped(_origin.QueueId, _skipReason ?? "verification did not start");
            return new DkimMessageOutcome([], removed, DkimMessageVerdict.Deliver);
        }

        var authentication = await DkimMessageAuthenticator.CompleteAsync(
            _header, _verification, _shared.OrganizationalDomains, _shared.Options.AuthservId, _header.LineEnding, cancellationToken).ConfigureAwait(false);
        LogResults(authentication.Report);
        var field = new DkimHeaderField(Encoding.UTF8.GetBytes(authentication.AuthenticationResults));
        return new DkimMessageOutcome([field], removed, DkimMessageVerdict.Deliver);
    }

    private void LogResults(DkimMessageReport report)
    {
        if (report.Signatures.Count == 0)
        {
            _shared.Logger.MessageUnsigned(_origin.QueueId, "none");
        }

        foreach (var signature in report.Signatures)
        {
            var result = signature.Result;
            string detail = signature.AlignmentNote is { } note ? result.Reason + "; " + note : result.Reason;
            _shared.Logger.SignatureVerified(_origin.QueueId, result.Identity.SigningDomain, result.Identity.Selector,
                AuthenticationResultsWriter.StatusWord(result.Status), detail);
        }
    }

    /// <summary>RFC 8601 §5: results that claim our authserv-id but were not written by us are removed. The highest
    /// position goes first, so no deletion shifts the position of another.</summary>
    private List<DkimRemovedField> RemoveClaimedResults()
    {
        if (_claimedResults.Count == 0)
        {
            return [];
        }

        _shared.Logger.ForgedResultsRemoved(_origin.QueueId, _claimedResults.Count);
        return _claimedResults.OrderByDescending(field => field.Position).ToList();
    }

    /// <summary>The one place that turns an internal failure into a verdict, by the configured action.</summary>
    private DkimMessageOutcome Fail()
    {
        var action = _outbound ? _shared.Options.SigningFailureAction : _shared.Options.VerificationFailureAction;
        string failure = _failure ?? "unknown failure";
        string status = action == MailFailureAction.TempFail ? "tempfail" : "accept";
        if (_outbound)
        {
            _shared.Logger.SigningFailed(_origin.QueueId, failure, status);
        }
        else
        {
            _shared.Logger.VerificationFailed(_origin.QueueId, failure, status);
        }

        if (action == MailFailureAction.TempFail)
        {
            string text = _outbound ? "DKIM signing is not available now, try again later" : "DKIM verification is not available now, try again later";
            return new DkimMessageOutcome([], [], DkimMessageVerdict.TempFail) { Reply = ("451", "4.7.1", text) };
        }

        return new DkimMessageOutcome([], _outbound ? [] : RemoveClaimedResults(), DkimMessageVerdict.DeliverAfterFailure);
    }

    /// <summary>Reply text carries names taken from the message: only printable ASCII goes on the wire (RFC 5321 §4.2 has
    /// no line breaks in a reply line), and at most 400 characters so the line stays within the 512 of §4.5.3.1.5.</summary>
    private static string ReplyText(string text)
    {
        var safe = new StringBuilder(Math.Min(text.Length, 400));
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, 400)))
        {
            safe.Append(c is >= ' ' and < (char)127 ? c : '?');
        }

        return safe.ToString();
    }

    /// <summary>Engine calls whose exceptions are internal errors: the message ends by the failure action.</summary>
    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RecordFailure(exception);
        }
    }

    private void RecordFailure(Exception exception)
    {
        _failure ??= exception.GetType().Name + ": " + exception.Message;
        DisposeEngines();
    }

    private void DisposeEngines()
    {
        _signing?.Dispose();
        _signing = null;
        _verification?.Dispose();
        _verification = null;
    }
}

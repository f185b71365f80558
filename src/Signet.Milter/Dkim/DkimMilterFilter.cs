using System.Buffers;
using Signet.Dkim.Messages;
using Signet.Dkim.Results;
using Signet.Dkim.Signing;
using Signet.Dkim.Verification;
using Signet.Milter.Protocol;
using Signet.Milter.Server;

namespace Signet.Milter.Dkim;

/// <summary>The DKIM work of one milter connection. Outbound mail (authenticated or internal clients) is signed with
/// the keys the signing policy names; other mail is verified and gets an Authentication-Results field. Key lookups
/// start at end of headers while the body streams into the engine chunk by chunk: the body is never buffered.</summary>
public sealed class DkimMilterFilter : IMilterFilter
{
    private const string ResultsField = AuthenticationResultsWriter.FieldName;
    private const string SignatureField = "DKIM-Signature";

    private readonly DkimMilterFilterFactory _shared;
    private readonly List<DkimHeaderField> _fields = [];
    private readonly List<uint> _claimedResults = [];
    private int _resultsFieldCount;
    private long _headerBytes;
    private long _bodyBytes;
    private string? _envelopeSender;
    private DkimMessageHeader _header = new([]);
    private bool _outbound;
    private DkimSigner? _signer;
    private DkimSigning? _signing;
    private DkimVerification? _verification;
    private string? _failure;
    private string? _skipReason;

    internal DkimMilterFilter(DkimMilterFilterFactory shared) => _shared = shared;

    public ValueTask<MilterReply> OnConnectAsync(MilterSessionContext context, MilterConnect connect, CancellationToken cancellationToken) =>
        ValueTask.FromResult(MilterReply.Continue);

    public ValueTask<MilterReply> OnMailAsync(MilterSessionContext context, MilterEnvelope mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Reset();
        _envelopeSender = mail.Arguments.Count > 0 ? mail.Arguments[0] : null;
        return ValueTask.FromResult(MilterReply.Continue);
    }

    public ValueTask<MilterReply> OnHeaderAsync(MilterSessionContext context, MilterHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(header);
        if (string.Equals(header.Name, ResultsField, StringComparison.OrdinalIgnoreCase))
        {
            // Header indexes in SMFIR_CHGHEADER count fields of the same name, from 1.
            _resultsFieldCount++;
            if (AuthservIdReader.Claims(header.Value, _shared.Options.AuthservId))
            {
                _claimedResults.Add((uint)_resultsFieldCount);
            }
        }

        _headerBytes += header.Name.Length + header.Value.Length + 3;
        if (_headerBytes <= _shared.Options.MaximumHeaderSize)
        {
            _fields.Add(MilterHeaderFields.ToField(header, context.HeaderLeadingSpace));
        }

        return ValueTask.FromResult(MilterReply.Continue);
    }

    public async ValueTask<MilterReply> OnEndOfHeadersAsync(MilterSessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _header = new DkimMessageHeader([.. _fields]);
        _outbound = _shared.Classifier.IsOutbound(context, out string reason);
        _shared.Logger.DirectionChosen(context.QueueId, _outbound ? "outbound, to sign" : "inbound, to verify", reason);
        string? tooLarge = _headerBytes > _shared.Options.MaximumHeaderSize
            ? $"the header section exceeds {_shared.Options.MaximumHeaderSize} bytes"
            : null;
        if (_outbound)
        {
            _failure = tooLarge;
            if (_failure is null)
            {
                await BeginSigningAsync(context, cancellationToken).ConfigureAwait(false);
            }
        }
        else if ((_skipReason = tooLarge) is null)
        {
            Guard(() => _verification = _shared.Verifier.Begin(_header, cancellationToken));
        }

        return MilterReply.Continue;
    }

    public ValueTask<MilterReply> OnBodyAsync(MilterSessionContext context, ReadOnlySequence<byte> chunk, CancellationToken cancellationToken)
    {
        _bodyBytes += chunk.Length;
        if (_verification is not null && _bodyBytes > _shared.Options.MaximumVerifiedMessageSize)
        {
            _skipReason = $"the body exceeds {_shared.Options.MaximumVerifiedMessageSize} bytes";
            _verification.Dispose();
            _verification = null;
        }

        if (_signing is not null || _verification is not null)
        {
            Guard(() =>
            {
                foreach (var segment in chunk)
                {
                    _signing?.AppendBody(segment.Span);
                    _verification?.AppendBody(segment.Span);
                }
            });
        }

        return ValueTask.FromResult(MilterReply.Continue);
    }

    public async ValueTask<MilterMessageOutcome> OnEndOfMessageAsync(MilterSessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return _outbound ? FinishSigning(context) : await FinishVerificationAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _failure = exception.Message;
            return Fail(context);
        }
        finally
        {
            Reset();
        }
    }

    public void OnAbort(MilterSessionContext context) => Reset();

    public void Dispose() => Reset();

    private async Task BeginSigningAsync(MilterSessionContext context, CancellationToken cancellationToken)
    {
        MilterSigningDecision decision;
        try
        {
            var request = new MilterSigningContext(_header, context.QueueId, context.Macros["auth_authen"], context.ClientAddress, _envelopeSender);
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
        else if (decision.Requests.Count == 0)
        {
            _shared.Logger.SigningNotRequested(context.QueueId, decision.Explanation);
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

    private MilterMessageOutcome FinishSigning(MilterSessionContext context)
    {
        if (_failure is not null)
        {
            return Fail(context);
        }

        var changes = RemoveClaimedResults(context);
        if (_signing is null || _signer is null)
        {
            return new MilterMessageOutcome(changes, MilterReply.Continue);
        }

        var signatures = _signing.Complete();
        // Each insert at index 0 goes above the previous one: insert the last first so they end up in engine order.
        for (int i = signatures.Count - 1; i >= 0; i--)
        {
            changes.Add(MilterHeaderChange.Insert(0, SignatureField, MilterHeaderFields.ValueForMta(signatures[i].ToString(), context.HeaderLeadingSpace)));
        }

        foreach (var request in _signer.Requests)
        {
            _shared.Logger.MessageSigned(context.QueueId, request.SigningDomain, request.Selector, "signed");
        }

        return new MilterMessageOutcome(changes, MilterReply.Continue);
    }

    private async Task<MilterMessageOutcome> FinishVerificationAsync(MilterSessionContext context, CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            return Fail(context);
        }

        var changes = RemoveClaimedResults(context);
        if (_skipReason is not null || _verification is null)
        {
            _shared.Logger.VerificationSkipped(context.QueueId, _skipReason ?? "verification did not start");
            return new MilterMessageOutcome(changes, MilterReply.Continue);
        }

        var results = await _verification.CompleteAsync(cancellationToken).ConfigureAwait(false);
        var report = await DkimMessageReporter.ReportAsync(_header, results, _shared.OrganizationalDomains, cancellationToken).ConfigureAwait(false);
        LogResults(context, report);
        string field = AuthenticationResultsWriter.Format(_shared.Options.AuthservId, report.Signatures);
        changes.Add(MilterHeaderChange.Insert(0, ResultsField, MilterHeaderFields.ValueForMta(field, context.HeaderLeadingSpace)));
        return new MilterMessageOutcome(changes, MilterReply.Continue);
    }

    private void LogResults(MilterSessionContext context, DkimMessageReport report)
    {
        if (report.Signatures.Count == 0)
        {
            _shared.Logger.MessageUnsigned(context.QueueId, "none");
        }

        foreach (var signature in report.Signatures)
        {
            var result = signature.Result;
            string detail = signature.AlignmentNote is { } note ? result.Reason + "; " + note : result.Reason;
            _shared.Logger.SignatureVerified(context.QueueId, result.Identity.SigningDomain, result.Identity.Selector,
                AuthenticationResultsWriter.StatusWord(result.Status), detail);
        }
    }

    /// <summary>RFC 8601 §5: results that claim our authserv-id but were not written by us are removed. The highest
    /// index goes first, so no deletion shifts the index of another.</summary>
    private List<MilterHeaderChange> RemoveClaimedResults(MilterSessionContext context)
    {
        if (_claimedResults.Count > 0)
        {
            _shared.Logger.ForgedResultsRemoved(context.QueueId, _claimedResults.Count);
        }

        return _claimedResults.OrderDescending().Select(index => MilterHeaderChange.Delete(index, ResultsField)).ToList();
    }

    /// <summary>The one place that turns an internal failure into a milter reply, by the configured action.</summary>
    private MilterMessageOutcome Fail(MilterSessionContext context)
    {
        var action = _outbound ? _shared.Options.SigningFailureAction : _shared.Options.VerificationFailureAction;
        string failure = _failure ?? "unknown failure";
        string status = action == MilterFailureAction.TempFail ? "tempfail" : "accept";
        if (_outbound)
        {
            _shared.Logger.SigningFailed(context.QueueId, failure, status);
        }
        else
        {
            _shared.Logger.VerificationFailed(context.QueueId, failure, status);
        }

        if (action == MilterFailureAction.TempFail)
        {
            string text = _outbound ? "DKIM signing is not available now, try again later" : "DKIM verification is not available now, try again later";
            return new MilterMessageOutcome([], MilterReply.WithSmtpReply("451", "4.7.1", text));
        }

        return new MilterMessageOutcome(_outbound ? [] : RemoveClaimedResults(context), MilterReply.Accept);
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
            _failure ??= exception.GetType().Name + ": " + exception.Message;
            DisposeEngines();
        }
    }

    private void DisposeEngines()
    {
        _signing?.Dispose();
        _signing = null;
        _verification?.Dispose();
        _verification = null;
    }

    private void Reset()
    {
        DisposeEngines();
        _signer = null;
        _fields.Clear();
        _claimedResults.Clear();
        _resultsFieldCount = 0;
        _headerBytes = 0;
        _bodyBytes = 0;
        _envelopeSender = null;
        _header = new DkimMessageHeader([]);
        _outbound = false;
        _failure = null;
        _skipReason = null;
    }
}

using System.Buffers;
using Signet.Mail.Processing;
using Signet.Milter.Protocol;
using Signet.Milter.Server;

namespace Signet.Milter.Dkim;

/// <summary>The DKIM work of one milter connection: the milter side of <see cref="DkimMessageProcessor"/>. Header
/// fields come rebuilt as they stand in the message, body chunks go straight into the engine, and the outcome becomes
/// milter header edits and a reply.</summary>
public sealed class DkimMilterFilter : IMilterFilter
{
    private readonly DkimMilterFilterFactory _shared;
    private DkimMessageProcessing? _message;
    private string? _envelopeSender;

    internal DkimMilterFilter(DkimMilterFilterFactory shared) => _shared = shared;

    public ValueTask<MilterReply> OnConnectAsync(MilterSessionContext context, MilterConnect connect, CancellationToken cancellationToken) =>
        ValueTask.FromResult(MilterReply.Continue);

    public ValueTask<MilterReply> OnMailAsync(MilterSessionContext context, MilterEnvelope mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Reset();
        _envelopeSender = mail.Arguments.Count > 0 ? mail.Arguments[0] : null;
        _message = _shared.Processor.Begin();
        return ValueTask.FromResult(MilterReply.Continue);
    }

    public ValueTask<MilterReply> OnHeaderAsync(MilterSessionContext context, MilterHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(header);
        Message.AddHeaderField(MilterHeaderFields.ToField(header, context.HeaderLeadingSpace));
        return ValueTask.FromResult(MilterReply.Continue);
    }

    public async ValueTask<MilterReply> OnEndOfHeadersAsync(MilterSessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = new DkimMessageOrigin(context.QueueId, context.Macros["auth_authen"], context.ClientAddress, _envelopeSender);
        await Message.EndOfHeadersAsync(origin, cancellationToken).ConfigureAwait(false);
        return MilterReply.Continue;
    }

    public ValueTask<MilterReply> OnBodyAsync(MilterSessionContext context, ReadOnlySequence<byte> chunk, CancellationToken cancellationToken)
    {
        foreach (var segment in chunk)
        {
            Message.AppendBody(segment.Span);
        }

        return ValueTask.FromResult(MilterReply.Continue);
    }

    public async ValueTask<MilterMessageOutcome> OnEndOfMessageAsync(MilterSessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var outcome = await Message.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return ToMilter(outcome, context.HeaderLeadingSpace);
        }
        finally
        {
            Reset();
        }
    }

    public void OnAbort(MilterSessionContext context) => Reset();

    public void Dispose() => Reset();

    /// <summary>A message whose MAIL step the filter did not see (SMFIP_NOMAIL by an MTA) still gets processed.</summary>
    private DkimMessageProcessing Message => _message ??= _shared.Processor.Begin();

    private static MilterMessageOutcome ToMilter(DkimMessageOutcome outcome, bool leadingSpace)
    {
        if (outcome.Verdict is DkimMessageVerdict.TempFail or DkimMessageVerdict.Reject && outcome.Reply is var (code, enhanced, text))
        {
            return new MilterMessageOutcome([], MilterReply.WithSmtpReply(code, enhanced, text));
        }

        // SMFIR_CHGHEADER addresses a field by its occurrence among fields of that name; deletions come highest first.
        var changes = new List<MilterHeaderChange>(outcome.RemovedFields.Count + outcome.InsertedFields.Count);
        foreach (var field in outcome.RemovedFields)
        {
            changes.Add(MilterHeaderChange.Delete(field.Occurrence, field.Name));
        }

        // Each insert at index 0 goes above the previous one: insert the last first so they end up in the given order.
        for (int i = outcome.InsertedFields.Count - 1; i >= 0; i--)
        {
            var field = outcome.InsertedFields[i];
            changes.Add(MilterHeaderChange.Insert(0, field.Name, MilterHeaderFields.ValueForMta(field, leadingSpace)));
        }

        return new MilterMessageOutcome(changes, outcome.Verdict == DkimMessageVerdict.Deliver ? MilterReply.Continue : MilterReply.Accept);
    }

    private void Reset()
    {
        _message?.Dispose();
        _message = null;
        _envelopeSender = null;
    }
}

using System.Buffers;
using Signet.Milter.Protocol;

namespace Signet.Milter.Server;

/// <summary>The hooks of one milter connection, each returning the reply the MTA gets. One instance serves one
/// connection (the factory makes a new one after quit-new-connection), so it may keep per-message state. Steps the
/// filter does not answer (the no-reply steps of its profile) have their reply dropped; a hook that throws closes the
/// connection and the MTA applies its own default action.</summary>
public interface IMilterFilter : IDisposable
{
    ValueTask<MilterReply> OnConnectAsync(MilterSessionContext context, MilterConnect connect, CancellationToken cancellationToken);

    ValueTask<MilterReply> OnMailAsync(MilterSessionContext context, MilterEnvelope mail, CancellationToken cancellationToken);

    ValueTask<MilterReply> OnHeaderAsync(MilterSessionContext context, MilterHeader header, CancellationToken cancellationToken);

    ValueTask<MilterReply> OnEndOfHeadersAsync(MilterSessionContext context, CancellationToken cancellationToken);

    /// <summary>A body chunk; <paramref name="chunk"/> is valid only until the returned task completes.</summary>
    ValueTask<MilterReply> OnBodyAsync(MilterSessionContext context, ReadOnlySequence<byte> chunk, CancellationToken cancellationToken);

    /// <summary>The message is complete: the header edits to make and the final reply.</summary>
    ValueTask<MilterMessageOutcome> OnEndOfMessageAsync(MilterSessionContext context, CancellationToken cancellationToken);

    /// <summary>The message ended without end-of-message (the MTA aborted it, or the connection closed).</summary>
    void OnAbort(MilterSessionContext context);
}

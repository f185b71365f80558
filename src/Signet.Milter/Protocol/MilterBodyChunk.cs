using System.Buffers;

namespace Signet.Milter.Protocol;

/// <summary>SMFIC_BODY: a piece of the body, in any split. <see cref="Data"/> points into the session's read buffer:
/// it is valid only while the command is being handled.</summary>
public sealed record MilterBodyChunk(ReadOnlySequence<byte> Data) : MilterCommand(MilterCommandCode.Body);

using System.Buffers;

namespace Signet.Milter.Protocol;

/// <summary>SMFIC_BODYEOB. Old Sendmail versions send the last body chunk inside it; <see cref="FinalChunk"/> holds
/// those bytes (usually none), valid only while the command is being handled.</summary>
public sealed record MilterEndOfMessage(ReadOnlySequence<byte> FinalChunk) : MilterCommand(MilterCommandCode.EndOfMessage);

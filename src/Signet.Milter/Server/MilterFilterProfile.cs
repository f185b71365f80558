using Signet.Milter.Protocol;

namespace Signet.Milter.Server;

/// <summary>What a filter asks for in option negotiation: the actions it needs (refused connection when the MTA
/// cannot grant them) and the protocol steps it would like (skipped steps, unanswered steps, leading space), of which
/// it gets those the MTA offers.</summary>
public sealed record MilterFilterProfile(MilterActions RequiredActions, MilterProtocolSteps WantedSteps);

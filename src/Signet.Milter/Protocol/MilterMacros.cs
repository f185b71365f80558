namespace Signet.Milter.Protocol;

/// <summary>SMFIC_MACRO: the macro values the MTA defines for the command that follows (<see cref="ForCommand"/>).
/// Names are kept as sent: single letters bare ("i"), longer names in braces ("{auth_authen}").</summary>
public sealed record MilterMacros(MilterCommandCode ForCommand, IReadOnlyList<KeyValuePair<string, string>> Values)
    : MilterCommand(MilterCommandCode.Macro);

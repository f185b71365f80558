namespace Signet.Milter.Protocol;

/// <summary>One decoded packet from the MTA.</summary>
public abstract record MilterCommand(MilterCommandCode Code);

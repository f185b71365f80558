namespace Signet.Store.Import;

/// <summary>A line of an OpenDKIM table that was not brought across, with why.</summary>
public sealed record OpenDkimSkippedLine(string File, int Line, string Text, string Reason);

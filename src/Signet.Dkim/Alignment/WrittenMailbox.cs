namespace Signet.Dkim.Alignment;

/// <summary>One mailbox as written: the local part (quoted strings keep their quotes) and the domain text, not yet
/// converted to A-labels.</summary>
internal readonly record struct WrittenMailbox(string LocalPart, string Domain);

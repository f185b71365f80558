namespace Signet.Mail.Processing;

/// <summary>A header field to delete: its position in the header section (0 = top) and, for protocols that address
/// fields by name, its occurrence among the fields of that name (from 1).</summary>
public readonly record struct DkimRemovedField(int Position, string Name, uint Occurrence);

namespace Signet.Milter.Protocol;

/// <summary>A header edit sent at end of message: SMFIR_ADDHEADER (append), SMFIR_INSHEADER (insert at
/// <see cref="Index"/>, 0 = top) or SMFIR_CHGHEADER (replace the <see cref="Index"/>th field of that name, counted
/// from 1 among fields of the same name; an empty value deletes it).</summary>
public sealed record MilterHeaderChange : MilterResponse
{
    private MilterHeaderChange(MilterReplyCode code, uint index, string name, string value)
        : base(code)
    {
        Index = index;
        Name = name;
        Value = value;
    }

    public uint Index { get; }

    public string Name { get; }

    /// <summary>The value as the MTA stores it: folded lines separated by a bare newline (the MTA writes its own line
    /// endings), with a leading space only when SMFIP_HDR_LEADSPC was agreed.</summary>
    public string Value { get; }

    public bool IsDeletion => Code == MilterReplyCode.ChangeHeader && Value.Length == 0;

    public static MilterHeaderChange Add(string name, string value) => new(MilterReplyCode.AddHeader, 0, name, value);

    public static MilterHeaderChange Insert(uint index, string name, string value) => new(MilterReplyCode.InsertHeader, index, name, value);

    public static MilterHeaderChange Change(uint index, string name, string value) => new(MilterReplyCode.ChangeHeader, index, name, value);

    /// <summary>Deletes the <paramref name="index"/>th field named <paramref name="name"/> (1-based).</summary>
    public static MilterHeaderChange Delete(uint index, string name) =>
        index == 0 ? throw new ArgumentOutOfRangeException(nameof(index), "header indexes start at 1") : Change(index, name, string.Empty);
}

namespace Signet.Interop.Tests.Messages;

/// <summary>One message of the interop set: its name (the vector's file name without .eml), what it exercises,
/// and its exact bytes.</summary>
public sealed record InteropMessage(string Name, string Description, byte[] Bytes)
{
    /// <summary>Whether the message is only run with one key and canonicalization per peer, to keep the run fast.</summary>
    public bool IsLarge => Bytes.Length > InteropMessages.LargeThreshold;

    public override string ToString() => Name;
}

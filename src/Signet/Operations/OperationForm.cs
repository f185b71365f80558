namespace Signet.Operations;

/// <summary>How one surface offers an operation: <c>POST /server/dkim/signing</c> (a console route),
/// <c>PATCH /api/server</c> (an API operation) or <c>server set --signing</c> (a <c>signet</c> command with the
/// options the operation needs); or, rarely, why that surface deliberately does not offer it.</summary>
public sealed record OperationForm(string Text, string? NotOfferedBecause)
{
    public bool IsOffered => NotOfferedBecause is null;

    public static OperationForm NotOffered(string because) => new(string.Empty, because);

    public static OperationForm FromText(string text) => new(text, null);

    public static implicit operator OperationForm(string text) => FromText(text);

    public override string ToString() => IsOffered ? Text : "not offered: " + NotOfferedBecause;
}

namespace Signet.Admin.Console.Rendering;

/// <summary>HTML that is already safe to write as is: built only by <see cref="Html.Of"/>, which encodes every
/// value placed in it, so text from users, DNS or messages can never become markup.</summary>
public readonly record struct Markup
{
    internal Markup(string value) => Value = value;

    public static Markup Empty { get; } = new(string.Empty);

    public string Value { get; } = string.Empty;

    public override string ToString() => Value ?? string.Empty;
}

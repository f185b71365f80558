using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Signet.Admin.Console.Rendering;

/// <summary>Builds <see cref="Markup"/> from an interpolated string: the literal parts are the template, every
/// hole is HTML-encoded unless it is already <see cref="Markup"/>.</summary>
[InterpolatedStringHandler]
public ref struct MarkupHandler
{
    private readonly StringBuilder _builder;

    public MarkupHandler(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(Markup value) => _builder.Append(value.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> values)
    {
        foreach (var value in values)
        {
            _builder.Append(value.Value);
        }
    }

    public readonly void AppendFormatted(string? value) => _builder.Append(HtmlEncoder.Default.Encode(value ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) =>
        _builder.Append(HtmlEncoder.Default.Encode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));

    public readonly void AppendFormatted<T>(T value, string? format) where T : IFormattable =>
        _builder.Append(HtmlEncoder.Default.Encode(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

    internal readonly Markup ToMarkup() => new(_builder.ToString());
}

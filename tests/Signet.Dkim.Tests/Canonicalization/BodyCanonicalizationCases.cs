using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Tests.Canonicalization;

/// <summary>Body inputs with their canonical forms under simple (RFC 6376 §3.4.3) and relaxed (§3.4.4, errata
/// 1384), each to be fed whole and in 1-, 2- and 7-byte chunks.</summary>
public static class BodyCanonicalizationCases
{
    private static readonly (string Name, string Input, string Simple, string Relaxed)[] Cases =
    [
        ("rfc 6376 3.4.5 example", " C \r\nD \t E\r\n\r\n\r\n", " C \r\nD \t E\r\n", " C\r\nD E\r\n"),
        ("empty body", "", "\r\n", ""),
        ("only blank lines", "\r\n\r\n\r\n", "\r\n", ""),
        ("single bare LF", "\n", "\r\n", ""),
        ("blank lines before content kept", "\r\n\r\nabc\r\n\r\n", "\r\n\r\nabc\r\n", "\r\n\r\nabc\r\n"),
        ("trailing whitespace", "abc  \t\r\n", "abc  \t\r\n", "abc\r\n"),
        ("whitespace runs inside a line", "a \t b\t\tc  d e\r\n", "a \t b\t\tc  d e\r\n", "a b c d e\r\n"),
        ("leading whitespace kept as one space", "  \ta\r\n", "  \ta\r\n", " a\r\n"),
        ("whitespace-only lines at the end", "abc\r\n \t \r\n\r\n  \r\n", "abc\r\n \t \r\n\r\n  \r\n", "abc\r\n"),
        ("whitespace-only line inside", "a\r\n  \r\nb\r\n", "a\r\n  \r\nb\r\n", "a\r\n\r\nb\r\n"),
        ("whitespace only, no line ending", " \t ", " \t \r\n", ""),
        ("no trailing CRLF", "abc", "abc\r\n", "abc\r\n"),
        ("last line without CRLF", "abc\r\ndef", "abc\r\ndef\r\n", "abc\r\ndef\r\n"),
        ("last line only whitespace, no CRLF", "abc\r\n  ", "abc\r\n  \r\n", "abc\r\n"),
        ("trailing whitespace, no CRLF", "abc \t", "abc \t\r\n", "abc\r\n"),
        ("bare LF body", "a\nb \n\n\n", "a\r\nb \r\n", "a\r\nb\r\n"),
        ("mixed CRLF and LF", "a\r\nb\nc\r\n\n\r\n", "a\r\nb\r\nc\r\n", "a\r\nb\r\nc\r\n"),
        ("lone CR in a line", "a\rb\r\n", "a\rb\r\n", "a\rb\r\n"),
        ("lone CR between spaces is data", "a \r b  \r\n", "a \r b  \r\n", "a \r b\r\n"),
        ("CR at the very end", "abc\r", "abc\r\r\n", "abc\r\r\n"),
        ("CR alone on the last line", "abc\r\n\r", "abc\r\n\r\r\n", "abc\r\n\r\r\n"),
        ("whitespace then CR at the very end", "x  \r", "x  \r\r\n", "x \r\r\n"),
        ("CR CR LF", "\r\r\n", "\r\r\n", "\r\r\n"),
        ("CR CR LF after text", "a\r\r\nb\r\n", "a\r\r\nb\r\n", "a\r\r\nb\r\n"),
        ("LF CR", "a\n\rb\r\n", "a\r\n\rb\r\n", "a\r\n\rb\r\n"),
        ("CR CR at the end", "a\r\r", "a\r\r\r\n", "a\r\r\r\n"),
        ("many blank lines then content", string.Concat(Enumerable.Repeat("\r\n", 40)) + "x", string.Concat(Enumerable.Repeat("\r\n", 40)) + "x\r\n", string.Concat(Enumerable.Repeat("\r\n", 40)) + "x\r\n"),
    ];

    /// <summary>Rows: case name, canonicalization, chunk size (0 = whole).</summary>
    public static TheoryData<string, DkimCanonicalization, int> All
    {
        get
        {
            var rows = new TheoryData<string, DkimCanonicalization, int>();
            foreach (var c in Cases)
            {
                foreach (int size in TestBytes.ChunkSizes)
                {
                    rows.Add(c.Name, DkimCanonicalization.Simple, size);
                    rows.Add(c.Name, DkimCanonicalization.Relaxed, size);
                }
            }

            return rows;
        }
    }

    public static (byte[] Input, byte[] Expected) Get(string name, DkimCanonicalization canonicalization)
    {
        var c = Array.Find(Cases, c => c.Name == name);
        return (TestBytes.Ascii(c.Input), TestBytes.Ascii(canonicalization == DkimCanonicalization.Simple ? c.Simple : c.Relaxed));
    }
}

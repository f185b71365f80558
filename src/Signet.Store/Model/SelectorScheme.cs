namespace Signet.Store.Model;

/// <summary>How a hands-off rotation names new selectors.</summary>
public enum SelectorScheme
{
    /// <summary><c>s202612</c>: the year and month the key was made, with a letter suffix when a month has several
    /// (<c>s202612b</c>) and <c>r</c>/<c>e</c> for RSA and Ed25519 when both are made (<c>s202612r</c>).</summary>
    Date,

    /// <summary><c>s1</c>, <c>s2</c>…: one more than the highest the domain has used.</summary>
    Counter,
}

namespace Signet.Testing;

/// <summary>The two tiers of the suite. <c>scripts/test.sh --quick</c> sets <see cref="Variable"/> to
/// <see cref="Quick"/> and runs only tests without <c>[Trait("Tier", "Integration")]</c>; an outside server
/// started in that run means a test lacks its trait, and it fails saying so instead of waiting on a server the
/// quick tier does not promise.</summary>
public static class TestTier
{
    public const string Variable = "SIGNET_TEST_TIER";

    public const string Quick = "quick";

    public static bool IsQuick => string.Equals(Environment.GetEnvironmentVariable(Variable), Quick, StringComparison.Ordinal);

    /// <summary>Called by every <see cref="OutsideServerAttribute"/> type before it starts its server.</summary>
    public static void EnsureOutsideServersAllowed(string server)
    {
        if (IsQuick)
        {
            throw new InvalidOperationException(
                $"{server} was started in the quick tier: mark the test class [Trait(\"Tier\", \"Integration\")] (see tests/Signet.Testing/TestTier.cs)");
        }
    }
}

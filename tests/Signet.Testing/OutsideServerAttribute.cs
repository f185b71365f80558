namespace Signet.Testing;

/// <summary>Marks a type that starts a server or program outside the test process (nsd, Postfix, PostgreSQL,
/// Chromium, a separate <c>signet serve</c>, a peer verifier). A test class that starts one, directly or through a
/// fixture, belongs to the integration tier and carries <c>[Trait("Tier", "Integration")]</c>: the quick tier
/// (<c>scripts/test.sh --quick</c>) runs <c>--filter "Tier!=Integration"</c>. A test in
/// Signet.Architecture.Tests checks the rule by reflection, so it cannot drift.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutsideServerAttribute : Attribute;

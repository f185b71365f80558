namespace Signet.Interop.Tests;

/// <summary>Every interop test shares one <see cref="InteropFixture"/>: keys are made and nsd started once.</summary>
[CollectionDefinition(Name)]
public sealed class InteropSuite : ICollectionFixture<InteropFixture>
{
    public const string Name = "interop";
}

namespace Signet.Reliability.Tests.Support;

/// <summary>The tests that run serve, Postfix and a database run one after another: each injects a fault and
/// measures what followed, which other tests beside it would distort.</summary>
[CollectionDefinition(Name)]
public sealed class FaultGroup
{
    public const string Name = "faults in a running mail flow";
}

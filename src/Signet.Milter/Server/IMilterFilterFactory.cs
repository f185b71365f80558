namespace Signet.Milter.Server;

/// <summary>Makes the filter for each milter connection and says what it negotiates.</summary>
public interface IMilterFilterFactory
{
    MilterFilterProfile Profile { get; }

    IMilterFilter Create();
}

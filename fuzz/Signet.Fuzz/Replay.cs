using System.Diagnostics;

namespace Signet.Fuzz;

/// <summary>Runs saved inputs through a target without the fuzzer, to reproduce a crash or check a corpus.</summary>
public static class Replay
{
    public static int Run(FuzzTarget target, IEnumerable<string> paths)
    {
        int failures = 0;
        foreach (string path in paths.SelectMany(Expand))
        {
            byte[] input = File.ReadAllBytes(path);
            var watch = Stopwatch.StartNew();
            try
            {
                target.Run(input);
                Console.WriteLine($"ok    {watch.ElapsedMilliseconds,6} ms  {path}");
            }
            catch (Exception exception)
            {
                failures++;
                Console.WriteLine($"THREW {watch.ElapsedMilliseconds,6} ms  {path}: {exception}");
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path).Order(StringComparer.Ordinal) : [path];
}

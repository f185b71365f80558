using SharpFuzz;
using Signet.Fuzz;

// Signet.Fuzz TARGET               run under AFL++ (the instrumented assemblies report coverage through SharpFuzz)
// Signet.Fuzz TARGET --replay F..  run each file once, print its outcome, and exit 1 if any threw
// Signet.Fuzz --list               print the target names
if (args.Length == 0 || args[0] == "--list")
{
    foreach (var target in FuzzTargets.All)
    {
        Console.WriteLine($"{target.Name,-16} {target.Description}");
    }

    return args.Length == 0 ? 2 : 0;
}

var selected = FuzzTargets.Find(args[0]);
if (selected is null)
{
    Console.Error.WriteLine($"unknown target {args[0]}; --list shows the targets");
    return 2;
}

if (args.Length > 1 && args[1] == "--replay")
{
    return Replay.Run(selected, args[2..]);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    selected.Run(copy.GetBuffer().AsSpan(0, (int)copy.Length));
});
return 0;

using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Signet.Architecture.Tests;

/// <summary>The methods and constructors a method body calls (call, callvirt, newobj), read from its IL. An async
/// or iterator method's body lives in its state machine, which is read too. Delegates a body only creates
/// (ldftn) are not followed: a fixture that starts its server lazily in a delegate is judged at run time by
/// <see cref="Signet.Testing.TestTier"/>, not here.</summary>
internal static class MethodCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static IReadOnlyList<MethodBase> Of(MethodBase method)
    {
        var calls = new List<MethodBase>();
        ReadBody(method, calls);
        if (StateMachineOf(method)?.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
        {
            ReadBody(moveNext, calls);
        }

        return calls;
    }

    private static Type? StateMachineOf(MethodBase method) => method.CustomAttributes
        .Where(a => a.AttributeType.IsSubclassOf(typeof(StateMachineAttribute)) || a.AttributeType.BaseType?.FullName == typeof(StateMachineAttribute).FullName)
        .Select(a => a.ConstructorArguments[0].Value as Type)
        .FirstOrDefault();

    private static void ReadBody(MethodBase method, List<MethodBase> calls)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception exception) when (exception is BadImageFormatException or TypeLoadException or FileNotFoundException)
        {
            return;
        }

        for (int offset = 0; il is not null && offset < il.Length;)
        {
            short value = il[offset] == 0xFE ? unchecked((short)(0xFE00 | il[offset + 1])) : il[offset];
            offset += il[offset] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code == OpCodes.Call || code == OpCodes.Callvirt || code == OpCodes.Newobj)
            {
                if (Resolve(method, BitConverter.ToInt32(il, offset)) is { } called)
                {
                    calls.Add(called);
                }
            }

            offset += OperandSize(code, il, offset);
        }
    }

    private static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            var typeArguments = method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (Exception exception) when (exception is ArgumentException or TypeLoadException or FileNotFoundException or BadImageFormatException or MissingMethodException)
        {
            return null;
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int offset) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, offset),
        _ => 4,
    };
}

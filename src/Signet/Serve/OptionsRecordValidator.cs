using Microsoft.Extensions.Options;

namespace Signet.Serve;

/// <summary>Runs an options record's own checks at start (<c>ValidateOnStart</c>), reporting every problem prefixed
/// with the configuration section it comes from, so one line says what to fix and where.</summary>
public sealed class OptionsRecordValidator<TOptions>(string section, Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = validate(options).Select(error => section.Length == 0 ? error : $"{section}: {error}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

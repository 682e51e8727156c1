using System.ComponentModel;
using System.Reflection;
using BackOffice.Tools.Matching;
using Microsoft.Extensions.AI;

namespace BackOffice.Kernel.Plugins;

/// <summary>
/// Turns the [Description]-annotated public static methods of the tool plugins in tools/ into AIFunctions (issue 4),
/// named "Class_Method" (OpenAI function names allow letters, digits, _ and -). Tool methods are pure by the rule of
/// tools/ (DESIGN.md section 3), so everything registered here reads; writes are never registered.
/// </summary>
public sealed class PluginRegistry
{
    private readonly Dictionary<string, AIFunction> _functions;

    public PluginRegistry(IEnumerable<Type> pluginTypes)
    {
        _functions = pluginTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetCustomAttribute<DescriptionAttribute>() is not null))
            .Select(m => AIFunctionFactory.Create(m, target: null, new AIFunctionFactoryOptions { Name = $"{m.DeclaringType!.Name}_{m.Name}" }))
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Every public type of the BackOffice.Tools assembly (only its [Description] static methods are taken).</summary>
    public static PluginRegistry FromToolsAssembly() =>
        new(typeof(CrossSystemMatcher).Assembly.GetTypes().Where(t => t.IsPublic));

    public IReadOnlyCollection<AIFunction> All => _functions.Values;

    public AIFunction? Find(string name) => _functions.GetValueOrDefault(name);

    /// <summary>
    /// The functions <paramref name="agent"/> may call: exact names or "Class_*" patterns from its allow-list.
    /// An agent with no allow-list gets none (secure by default).
    /// </summary>
    public IReadOnlyList<AIFunction> AllowedFor(string agent, IReadOnlyDictionary<string, string[]> allowLists) =>
        allowLists.TryGetValue(agent, out var patterns)
            ? _functions.Values.Where(f => IsAllowed(f.Name, patterns)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList()
            : [];

    public static bool IsAllowed(string function, IEnumerable<string> patterns) =>
        patterns.Any(p => p.EndsWith('*') ? function.StartsWith(p[..^1], StringComparison.Ordinal) : function == p);
}

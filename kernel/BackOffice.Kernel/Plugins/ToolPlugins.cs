using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using BackOffice.Domain.Tools;
using BackOffice.Tools.Collections;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Matching;
using BackOffice.Tools.Retainage;
using BackOffice.Tools.Workforce;
using Microsoft.SemanticKernel;

namespace BackOffice.Kernel.Plugins;

/// <summary>
/// The tool plugins the model may be offered (issue 15): an explicit list of classes in tools/, never every public
/// method of the assembly. Each becomes a Semantic Kernel plugin named after its class, with one function per public
/// static [Description] method (SK's own [KernelFunction] would put SK into tools/, which stays pure), its
/// arguments read as web JSON (camelCase, any case). Every function
/// carries its declared <see cref="ToolAccess"/> in its metadata, which <see cref="WriteRefusalFilter"/> checks on
/// every call; a class on the list that is not declared read-only fails at start.
/// </summary>
public sealed class ToolPlugins
{
    /// <summary>Metadata key of a function's declared capability (a <see cref="ToolAccess"/>, or null when undeclared).</summary>
    public const string CapabilityKey = "backoffice.capability";

    public static IReadOnlyList<Type> ReadOnlyTools { get; } =
    [
        typeof(CrossSystemMatcher), typeof(NameNormalizer), typeof(VarianceTools), typeof(WipTools), typeof(RetainageTools),
        typeof(AgingTools), typeof(ChaseListTools), typeof(OvertimeTools),
    ];

    private readonly Dictionary<string, KernelPlugin> _plugins;

    public ToolPlugins(IEnumerable<Type> toolTypes)
    {
        _plugins = toolTypes.Select(Create).ToDictionary(p => p.Name, StringComparer.Ordinal);
        if (_plugins.Values.SelectMany(p => p).FirstOrDefault(f => !IsReadOnly(f)) is { } writer)
        {
            throw new InvalidOperationException(
                $"Tool plugin function {writer.PluginName}-{writer.Name} is not declared [ToolAccess(ToolAccess.Read)]; only read-only tools may be offered to the model.");
        }
    }

    public static ToolPlugins Default() => new(ReadOnlyTools);

    public IReadOnlyCollection<KernelPlugin> All => _plugins.Values;

    /// <summary>The plugins <paramref name="agent"/> may use: those its allow-list names. No allow-list, no plugins.</summary>
    public IReadOnlyList<KernelPlugin> For(string agent, IReadOnlyDictionary<string, string[]> allowLists) =>
        allowLists.TryGetValue(agent, out var names) ? names.Where(_plugins.ContainsKey).Select(n => _plugins[n]).ToList() : [];

    /// <summary>Allow-list entries that name no plugin here, as "agent:name" (options validation refuses them at start).</summary>
    public IReadOnlyList<string> Unknown(IReadOnlyDictionary<string, string[]> allowLists) =>
        allowLists.SelectMany(a => a.Value.Where(n => !_plugins.ContainsKey(n)).Select(n => $"{a.Key}:{n}")).ToList();

    public static bool IsReadOnly(KernelFunction function) =>
        function.Metadata.AdditionalProperties.TryGetValue(CapabilityKey, out var value) && value is ToolAccess.Read;

    /// <summary>One plugin from a tool class: its public static [Description] methods, each with its declared capability.</summary>
    public static KernelPlugin Create(Type type)
    {
        var classAccess = type.GetCustomAttribute<ToolAccessAttribute>()?.Access;
        var functions = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<DescriptionAttribute>() is not null)
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(m => KernelFunctionFactory.CreateFromMethod(m, JsonSerializerOptions.Web, target: null, new KernelFunctionFromMethodOptions
            {
                FunctionName = m.Name,
                AdditionalMetadata = new Dictionary<string, object?>
                {
                    [CapabilityKey] = m.GetCustomAttribute<ToolAccessAttribute>()?.Access ?? classAccess,
                }.AsReadOnly(),
            }));
        return KernelPluginFactory.CreateFromFunctions(type.Name, type.GetCustomAttribute<DescriptionAttribute>()?.Description, functions);
    }
}

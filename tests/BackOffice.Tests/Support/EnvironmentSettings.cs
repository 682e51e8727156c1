using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Tests.Support;

/// <summary>
/// Settings a CLI test gives the host through BACKOFFICE_ environment variables (the connector tests point the
/// QuickBooks and Procore URLs at their loopback fakes), each cleared again on dispose so no other test sees them.
/// </summary>
public sealed class EnvironmentSettings(string prefix) : IDisposable
{
    private readonly List<string> _variables = [];

    /// <summary>Sets <c>{prefix}{name}</c>, e.g. prefix "BACKOFFICE_QuickBooks__" and name "TokenUrl".</summary>
    public void Set(string name, string? value)
    {
        var variable = prefix + name;
        _variables.Add(variable);
        Environment.SetEnvironmentVariable(variable, value);
    }

    /// <summary>Sets a configuration key such as "Procore:LoginUrl" as the host reads it from the environment.</summary>
    public void SetKey(string key, string? value) => Set(key.Replace(":", "__", StringComparison.Ordinal), value);

    /// <summary>Points the connect command's loopback redirect at 127.0.0.1 and a port free right now.</summary>
    public void SetCallbackOnFreePort()
    {
        Set("CallbackHost", "127.0.0.1");
        Set("CallbackPort", FreePort().ToString(CultureInfo.InvariantCulture));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var variable in _variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}

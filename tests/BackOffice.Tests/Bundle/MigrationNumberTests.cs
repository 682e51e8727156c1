using System.Reflection;

namespace BackOffice.Tests.Bundle;

/// <summary>
/// Two branches once added a migration with the same number: the runner applied one and crashed on the other's version
/// row. Every migration number must be unique within its database kind.
/// </summary>
public sealed class MigrationNumberTests
{
    [Theory]
    [InlineData("Tenant")]
    [InlineData("Control")]
    public void Migrations_OfOneKind_HaveUniqueNumbers(string kind)
    {
        var assembly = typeof(BackOffice.Store.Tenancy.TenantData).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{kind}.";
        var numbers = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..][..4])
            .ToList();

        Assert.NotEmpty(numbers);
        Assert.Empty(numbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
    }
}

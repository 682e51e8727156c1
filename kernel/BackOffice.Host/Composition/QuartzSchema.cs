using BackOffice.Store.Postgres;
using Quartz;

namespace BackOffice.Host.Composition;

/// <summary>
/// Quartz.NET's tables on PostgreSQL (issue 18), as migration Quartz/0060 of the shared (control-side) database, schema
/// "quartz". The SQL is the script the Quartz package itself ships for PostgreSQL (the embedded resource
/// Quartz.Impl.AdoJobStore.Schema.create_postgres.sql, what its SchemaProvisioning.CreateIfMissing runs; Apache-2.0,
/// github.com/quartznet/quartznet), so the tables always match the package's version. It is applied by the owner role
/// beside our own migrations, so the application role Quartz connects as needs no right to create tables.
/// </summary>
public static class QuartzSchema
{
    public const long Version = 60;

    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static PostgresScript Script()
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz package no longer ships {Resource}; Quartz's tables cannot be created (issue 18).");
        using var reader = new StreamReader(stream);
        // {0} is the table prefix (schema-qualified), {1} the same without the schema (index names); see the script's header.
        var sql = reader.ReadToEnd()
            .Replace("{0}", ClusteredScheduling.TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", ClusteredScheduling.TablePrefix[(ClusteredScheduling.TablePrefix.IndexOf('.', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
        return new PostgresScript("Quartz", Version, $"{Version:0000}_quartz_tables", sql);
    }
}

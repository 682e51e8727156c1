using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>Request ids (QuickBooks <c>requestid</c>) and id sequences of the sandbox ledger.</summary>
internal static class SandboxRequests
{
    public const int MaxRequestIdLength = 50;

    public static void Validate(string requestId)
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > MaxRequestIdLength)
        {
            throw new SandboxLedgerException(
                SandboxErrorCodes.InvalidProperty, $"requestid must be 1 to {MaxRequestIdLength} characters (got {requestId?.Length ?? 0}).");
        }
    }

    /// <summary>The original response to <paramref name="requestId"/>, or null if it was never seen.</summary>
    public static async Task<LedgerWriteResult?> FindAsync(
        DbConnection connection, DbTransaction transaction, string requestId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RequestRow>(new CommandDefinition(
            "SELECT entity_type AS EntityType, entity_id AS EntityId, response_json AS ResponseJson FROM sandbox_requests WHERE request_id = @requestId",
            new { requestId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var response = JsonNode.Parse(row.ResponseJson)!.AsObject();
        var token = response[row.EntityType]?["SyncToken"]?.GetValue<string>() ?? "0";
        return new LedgerWriteResult(row.EntityId, long.Parse(token, CultureInfo.InvariantCulture), response);
    }

    public static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, string requestId, string operation, string entityType,
        LedgerWriteResult result, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sandbox_requests (request_id, operation, entity_type, entity_id, response_json, created_at)
            VALUES (@requestId, @operation, @entityType, @entityId, @responseJson, @createdAt)
            """,
            new
            {
                requestId, operation, entityType, entityId = result.EntityId, responseJson = result.Response.ToJsonString(),
                createdAt = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Next id of a kind, e.g. "sbx-bill-3". Ids are never reused, even after a delete.</summary>
    public static async Task<string> NextIdAsync(
        DbConnection connection, DbTransaction transaction, string kind, CancellationToken cancellationToken)
    {
        var next = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            INSERT INTO sandbox_sequences (entity_type, last_value) VALUES (@kind, 1)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "entity_type")}) DO UPDATE SET last_value = sandbox_sequences.last_value + 1
            RETURNING last_value
            """,
            new { kind }, transaction, cancellationToken: cancellationToken));
        return $"sbx-{kind}-{next.ToString(CultureInfo.InvariantCulture)}";
    }

    private sealed class RequestRow
    {
        public string EntityType { get; init; } = "";
        public string EntityId { get; init; } = "";
        public string ResponseJson { get; init; } = "{}";
    }
}

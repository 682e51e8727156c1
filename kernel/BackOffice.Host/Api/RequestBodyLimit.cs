using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BackOffice.Host.Api;

/// <summary>
/// Issue 19: every endpoint that takes a body is bounded before the body is read. A declared Content-Length over the
/// limit is answered 413 at once; a chunked body is cut by the server's per-request limit, which reading past raises
/// as a 413 (see <see cref="ApiExceptionHandler"/>), never a 500. Webhooks read within the same bound.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>1 MiB: the largest QuickBooks or Procore delivery and every API body are far below it.</summary>
    public const long MaxBytes = 1 << 20;

    public static void UseRequestBodyLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        // Issue 14: an endpoint that takes files (the console's import upload) declares its own, configured bound.
        var max = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsync($"The request body is larger than {max} bytes.", context.RequestAborted);
            return;
        }

        await next(context);
    });

    /// <summary>Reads at most <see cref="MaxBytes"/>; null when the body is longer (the caller answers 413), never buffering more.</summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A body bound for one endpoint, read by <see cref="RequestBodyLimit"/> in place of its default (issue 14).</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

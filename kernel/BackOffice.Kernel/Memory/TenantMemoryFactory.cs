using BackOffice.Domain.Memory;
using BackOffice.Store.Memory;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Memory;

/// <summary>Opens one tenant's memory in the configured store (issue 4). Each instance it returns is bound to one tenant.</summary>
public sealed class TenantMemoryFactory(MemoryOptions options, ITextEmbedder embedder, HttpClient? qdrantHttp = null)
{
    public ITenantMemory For(TenantData tenant)
    {
        if (!string.Equals(options.Store, "qdrant", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteTenantMemory(tenant, embedder);
        }

        var http = qdrantHttp ?? throw new InvalidOperationException("Memory:Store is qdrant but no Qdrant HttpClient was configured.");
        return new QdrantTenantMemory(new QdrantClient(http, options.QdrantApiKey), tenant.Tenant, embedder, options.CollectionPrefix);
    }
}

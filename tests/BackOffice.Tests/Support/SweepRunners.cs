using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Memory;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Memory;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Tests.Support;

/// <summary>A sweep runner for tests that build it by hand: offline narration and SQLite memory unless a test passes its own.</summary>
public static class SweepRunners
{
    public static SweepRunner Offline(
        IEnumerable<IAgent> agents, IProposalIntake intake, AuditStore audit, TenantDataSource tenants, TimeProvider clock,
        NarrationService? narration = null, ILogger<SweepRunner>? logger = null) =>
        new(agents, intake, audit, tenants, logger ?? NullLogger<SweepRunner>.Instance,
            narration ?? new NarrationService(new TemplateNarrator(), audit, clock),
            new TenantMemoryFactory(new MemoryOptions(), new HashedNgramEmbedder()));
}

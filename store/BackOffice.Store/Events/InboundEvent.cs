namespace BackOffice.Store.Events;

/// <summary>One event as a provider delivered it, before routing: which company, which entity, its dedup id.</summary>
public sealed record InboundEvent(string Source, string CompanyId, string EventId, string Entity, string PayloadJson);

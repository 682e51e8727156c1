using BackOffice.Store.Connectors.Procore;

namespace BackOffice.Tests.Procore;

/// <summary>Issue 14: what a Procore webhook delivery asks us to fetch again (payload shapes from webhooks.md, procore.md section 5).</summary>
public sealed class ProcoreHintTests
{
    [Theory]
    // v2.0: resource_name / resource_id / project_id / event_type.
    [InlineData("""{"id":1,"company_id":8,"project_id":6778,"event_type":"update","resource_name":"Work Order Contracts","resource_id":55}""", "commitment:6778:55:work order contracts")]
    [InlineData("""{"id":2,"company_id":8,"project_id":6778,"event_type":"create","resource_name":"Commitments","resource_id":56}""", "commitment:6778:56:commitments")]
    [InlineData("""{"id":3,"company_id":8,"project_id":6778,"event_type":"update","resource_name":"Requisitions","resource_id":9}""", "project:6778")]
    [InlineData("""{"id":4,"company_id":8,"event_type":"update","resource_name":"Projects","resource_id":6778}""", "project:6778")]
    // v4.0: string ids, resource_type and reason.
    [InlineData("""{"id":"01JMYX","reason":"update","company_id":"8","project_id":"6778","user_id":"5447","resource_type":"Direct Cost Line Items","resource_id":"379913"}""", "project:6778")]
    // Deletes (issue 14): a commitment or project is read to confirm; anything else in a project re-reads its lists.
    [InlineData("""{"id":6,"company_id":8,"project_id":6778,"event_type":"delete","resource_name":"Work Order Contracts","resource_id":55}""", "deleted-commitment:6778:55")]
    [InlineData("""{"id":7,"company_id":8,"event_type":"delete","resource_name":"Projects","resource_id":6778}""", "deleted-project:6778")]
    [InlineData("""{"id":"01JMYZ","reason":"delete","company_id":"8","project_id":"6778","resource_type":"Direct Costs","resource_id":"12"}""", "project:6778")]
    // A company-level resource (no project) is left to the next sync.
    [InlineData("""{"id":5,"company_id":8,"event_type":"update","resource_name":"Vendors","resource_id":4431}""", null)]
    public void Target_DocumentedDeliveries_NameWhatToFetch(string payload, string? expected)
    {
        Assert.Equal(expected, ProcoreHint.Parse(payload).Target);
    }
}

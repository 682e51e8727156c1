using BackOffice.Tools.Matching;

namespace BackOffice.Tests.Financial;

/// <summary>
/// A labelled set of project-side names and the ledger record each really is (null: not in the ledger), written
/// with the spellings the two systems really use: legal suffixes, "&amp;" vs "and", abbreviations, plurals, typos,
/// words run together, QuickBooks "Parent:Child" jobs, and hard negatives that share words with a real record.
/// </summary>
internal static class MatcherLabelledSet
{
    public static readonly List<MatchCandidate> LedgerVendors =
    [
        V("lv01", "ABC Supply"), V("lv02", "Rivera Plumbing"), V("lv03", "Brightline Electric"), V("lv04", "Summit Drywall and Paint"),
        V("lv05", "Keystone Concrete Co"), V("lv06", "Pacific Tile & Stone"), V("lv07", "Northwood Cabinetry LLC"), V("lv08", "Delgado Framing"),
        V("lv09", "Home Depot Pro"), V("lv10", "Pacific Gas & Electric"), V("lv11", "Sunbelt Rentals"), V("lv12", "Johnson Bros. Roofing"),
        V("lv13", "Mountain View Mechanical"), V("lv14", "Ferguson Enterprises"), V("lv15", "Sherwin-Williams"), V("lv16", "United Rentals"),
        V("lv17", "Garcia Landscaping"), V("lv18", "Allied Glass & Mirror"), V("lv19", "Precision Electrical Contractors"),
        V("lv20", "Precision Excavation"), V("lv21", "Smith & Sons Masonry"), V("lv22", "Coastal HVAC Services"), V("lv23", "Western Insulation"),
        V("lv24", "Apex Fire Protection"), V("lv25", "84 Lumber"), V("lv26", "Beacon Roofing Supply"), V("lv27", "Valley Steel Erectors"),
        V("lv28", "Martinez Painting"), V("lv29", "Quality Doors & Hardware"), V("lv30", "Tri-County Waste"),
    ];

    public static readonly List<(string Name, string? Expected)> VendorQueries =
    [
        ("ABC Supply Co., Inc.", "lv01"), ("Rivera Plumbing LLC", "lv02"), ("Brightline Electric Inc.", "lv03"), ("Summit Drywall & Paint", "lv04"),
        ("Keystone Concrete Company", "lv05"), ("Pacific Tile and Stone", "lv06"), ("Northwood Cabinetry", "lv07"), ("Delgado Framing Inc.", "lv08"),
        ("The Home Depot Pro", "lv09"), ("Sunbelt Rentals, Inc.", "lv11"), ("Johnson Brothers Roofing", "lv12"), ("Mtn View Mechanical", "lv13"),
        ("Mountain View Mech", "lv13"), ("Ferguson Enterprises Inc", "lv14"), ("Sherwin Williams", "lv15"), ("United Rentals (North America)", "lv16"),
        ("Garcia Landscaping & Design", "lv17"), ("Allied Glass and Mirror", "lv18"), ("Precision Electric", "lv19"), ("Precision Excavating", "lv20"),
        ("Smith and Sons Masonry Inc", "lv21"), ("Coastal Heating & Air", "lv22"), ("Western Insulation Co", "lv23"), ("Apex Fire Protection, LLC", "lv24"),
        ("Beacon Roofing Supply Inc", "lv26"), ("Valley Steel Erectors Inc.", "lv27"), ("Martinez Painting LLC", "lv28"), ("Quality Door and Hardware", "lv29"),
        ("Tri County Waste", "lv30"), ("Delgado Framng", "lv08"), ("Rivera Plumbing & Heating", "lv02"), ("Brite Line Electric", "lv03"),
        ("North Wood Cabinetry", "lv07"), ("Keystone Concrete", "lv05"), ("Sunbelt", "lv11"), ("Home Depot", "lv09"), ("Smith Masonry", "lv21"),
        ("Eighty Four Lumber", "lv25"), ("Pacific Coast Electric", null), ("Summit Electric", null), ("Granite Works", null),
        ("Johnson Plumbing", null), ("Valley Electric", null), ("ABC Roofing", null), ("Western Plumbing Supply", null),
        ("Pacific Tile Supply", null), ("Martin Painting", null), ("United Glass", null),
    ];

    public static readonly List<MatchCandidate> LedgerJobs =
    [
        J("c11", "Kitchen Remodel", "Smith, J:Kitchen Remodel"), J("c21", "Suite 300 TI", "Harbor Point Partners LLC:Suite 300 TI"),
        J("c31", "Lakeview Custom Home", "Okafor, Daniel:Lakeview Custom Home"), J("c41", "Bathroom Remodel", "Garcia, Maria:Bathroom Remodel"),
        J("c51", "Kitchen Remodel", "Nguyen, T:Kitchen Remodel"), J("c61", "Oak Street Duplex", "Patel Holdings:Oak Street Duplex"),
        J("c71", "Main St Retail Shell", "Downtown Partners:Main St Retail Shell"), J("c81", "Riverside Clinic TI", "Riverside Health:Riverside Clinic TI"),
        J("c91", "Addition and Deck", "Brown, K:Addition and Deck"), J("c101", "Warehouse Reroof", "Acme Logistics:Warehouse Reroof"),
    ];

    public static readonly List<(string Name, string? Expected)> JobQueries =
    [
        ("Smith Residence - Kitchen", "c11"), ("Harbor Point Office TI - Suite 300", "c21"), ("Lakeview Custom Home", "c31"),
        ("Garcia Bathroom Remodel", "c41"), ("Nguyen Kitchen Remodel", "c51"), ("Oak St. Duplex", "c61"), ("Main Street Retail Shell", "c71"),
        ("Riverside Clinic Tenant Improvement", "c81"), ("Brown Addition & Deck", "c91"), ("Acme Warehouse Re-Roof", "c101"),
        ("Kitchen Remodel", "c11"), ("Lakeview Custom Residence", "c31"), ("Patel Duplex", "c61"), ("Harbor Point Suite 400", null),
        ("Garcia Kitchen", null),
    ];

    private static MatchCandidate V(string id, string name) => new(id, [name]);

    /// <summary>As FinancialData offers a QuickBooks job: its own name and "Parent Child".</summary>
    private static MatchCandidate J(string id, string name, string fullyQualified) => new(id, [name, fullyQualified.Replace(':', ' ')]);
}

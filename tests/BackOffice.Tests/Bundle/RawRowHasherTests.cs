using BackOffice.Store.Bundle;
using CsvHelper;

namespace BackOffice.Tests.Bundle;

/// <summary>
/// Issue 18: a re-import hashes an unchanged record from its UTF-8 field bytes (RawRowHasher) and skips it without
/// parsing. That is only right if every spelling the raw path accepts parses, through the full parser, to a row with no
/// error and the very same hash; any other spelling must be left to the full parser.
/// </summary>
public sealed class RawRowHasherTests
{
    private static readonly FileSpec Spec = new("x/rows.csv", "rows", "id",
    [
        new ColumnSpec("id", ValueKind.Text).Req(), new ColumnSpec("note", ValueKind.Text),
        new ColumnSpec("amount_cents", ValueKind.Money) { Sign = SignRule.Any }, new ColumnSpec("price_cents", ValueKind.Money) { Sign = SignRule.NonNegative },
        new ColumnSpec("retainage_bp", ValueKind.Percent), new ColumnSpec("hours_e4", ValueKind.E4), new ColumnSpec("line_no", ValueKind.Integer),
        new ColumnSpec("txn_date", ValueKind.Date), new ColumnSpec("billable", ValueKind.Enum) { Allowed = ["Billable", "NotBillable"] }.Or("NotBillable"),
        new ColumnSpec("active", ValueKind.Bool).Or(1L), new ColumnSpec("at", ValueKind.DateTime),
    ]);

    private const string Header = "id,note,amount,price,retainage_percent,hours,line_no,txn_date,billable,active,at";

    public static TheoryData<string, bool> Records => new()
    {
        // The plain spellings: taken from the bytes.
        { "a1,Lumber,1234.56,0,10,7.5,3,2026-11-15,billable,TRUE,", true },
        { " a2 , two words ,-12.5,12,100.00,0.0001,007,2026-02-28,NotBillable,no,", true },
        { "a3,\"Smith, \"\"J\"\"\",-0,0.10,0,12,1,2026-11-15,,,", true },
        { "a4,é ü,999999999999.99,5,7.25,999999999999.9999,123456789012345678,2024-02-29,BILLABLE,0,", true },
        { "a5,,,,,,,,,,", true },
        // Anything else: left to the full parser (which accepts some of these and refuses others).
        { "b1,x,\"1,234.56\",0,,,,,,,", false },
        { "b2,x,$5,0,,,,,,,", false },
        { "b3,x,(5.00),0,,,,,,,", false },
        { "b4,x,12.500,0,,,,,,,", false },
        { "b5,x,1,-1,,,,,,,", false },
        { "b6,x,1,1,10%,,,,,,", false },
        { "b7,x,1,1,100.01,,,,,,", false },
        { "b8,x,1,1,,1.23456,,,,,", false },
        { "b9,x,1,1,,,1.0,,,,", false },
        { "c1,x,1,1,,,,2026-2-28,,,", false },
        { "c2,x,1,1,,,,2026-02-30,,,", false },
        { "c3,x,1,1,,,,,maybe,,", false },
        { "c4,x,1,1,,,,,,y,", false },
        { "c5,x,1,1,,,,,,,2026-11-15T08:00", false },
        { "c6,=SUM(A1),1,1,,,,,,,", false },
        { "c7,-note,1,1,,,,,,,", false },
        { "c8,\u00a0spaced\u00a0,1,1,,,,,,,", false },
        { ",x,1,1,,,,,,,", false },
        { "c9,x,1234567890123,1,,,,,,,", false },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public async Task TryHash_Record_AcceptsPlainSpellingsWithTheFullParsersHash(string record, bool plain)
    {
        await using var reader = CsvReader.FromText(Header + "\n" + record + "\n", CsvReaderOptions.Default with { HasHeader = true });
        await reader.ReadHeaderAsync(CancellationToken.None);
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        var raw = new RawRowHasher(Spec);

        var accepted = raw.TryHash(reader, Enumerable.Range(0, Spec.Columns.Count).ToArray(), out var hash);

        Assert.Equal(plain, accepted);
        if (accepted)
        {
            var table = new ParsedTable(Spec);
            var errors = new ErrorSink();
            var fields = Spec.Columns.Select((c, i) => (c.CsvName, Value: reader.GetString(i) ?? "")).ToDictionary(f => f.CsvName, f => f.Value);
            BundleCsvReader.AddValues(table, 2, fields, errors);
            Assert.Empty(errors.Errors);
            var row = Assert.Single(table.Rows);
            Assert.Equal(new RowHasher(Spec).Of(row), hash);
            // Issue 18: a row stored before XxHash128 is compared by SHA-256, the same on both paths.
            Assert.Equal(new RowHasher(Spec).Of(row, sha256: true), raw.Hash(sha256: true));
        }
    }

    [Fact]
    public async Task Value_AfterHash_IsTheTrimmedFieldOrNull()
    {
        await using var reader = CsvReader.FromText(Header + "\n k-9 ,,1,1,,,,,,,\n", CsvReaderOptions.Default with { HasHeader = true });
        await reader.ReadHeaderAsync(CancellationToken.None);
        await reader.ReadAsync(CancellationToken.None);
        var raw = new RawRowHasher(Spec);

        Assert.True(raw.TryHash(reader, Enumerable.Range(0, Spec.Columns.Count).ToArray(), out _));

        Assert.Equal("k-9"u8.ToArray(), raw.Value(0, out var keyIsNull).ToArray());
        Assert.False(keyIsNull);
        raw.Value(1, out var noteIsNull);
        Assert.True(noteIsNull);
        Assert.Equal("NotBillable"u8.ToArray(), raw.Value(8, out _).ToArray());
    }
}

using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Store.Bundle;

namespace BackOffice.Tests.Bundle;

/// <summary>
/// Issue 18: the importer's hasher and value pool were rewritten for speed; a stored row_hash must still match, or the
/// first re-import after the change would rewrite and journal every row.
/// </summary>
public sealed class RowHasherTests
{
    private static readonly FileSpec Spec = new("x/rows.csv", "rows", "id",
        [new ColumnSpec("id", ValueKind.Text), new ColumnSpec("name", ValueKind.Text), new ColumnSpec("amount_cents", ValueKind.Money)]);

    public static TheoryData<object?[], string> Rows => new()
    {
        // The canonical text the row hash has always been taken over: name=value, a unit separator after each, NUL for null.
        { ["a", "", 12L], "id=a\u001fname=\u001famount_cents=12\u001f" },
        { ["a", null, -1250L], "id=a\u001fname=\0\u001famount_cents=-1250\u001f" },
        { ["é-1", "Smith, \"J\"", null], "id=é-1\u001fname=Smith, \"J\"\u001famount_cents=\0\u001f" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Of_RowAsStoredBefore_IsSha256OfTheCanonicalText(object?[] values, string canonical)
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        var hash = new RowHasher(Spec).Of(new ParsedRow(1, values), sha256: true);

        Assert.Equal(expected, hash.ToHex());
        Assert.Equal(hash, RowHash.Parse(expected));
        Assert.True(hash.IsSha256);
    }

    /// <summary>Issue 18: what is written now: XxHash128 of the same canonical text, as 32 hex characters.</summary>
    [Theory]
    [MemberData(nameof(Rows))]
    public void Hash_Row_IsXxHash128OfTheCanonicalText(object?[] values, string canonical)
    {
        var expected = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(canonical)));

        var hash = new RowHasher(Spec).Hash(new ParsedRow(1, values));

        Assert.Equal(expected, hash);
        Assert.Equal(RowHash.Parse(expected), new RowHasher(Spec).Of(new ParsedRow(1, values)));
        Assert.False(RowHash.Parse(expected)!.Value.IsSha256);
    }

    /// <summary>The same canonical bytes hashed the two ways never compare equal (a stored hash is compared with its own kind).</summary>
    [Fact]
    public void Of_SameRowBothKinds_NotEqual()
    {
        var row = new ParsedRow(1, ["a", "", 12L]);
        var hasher = new RowHasher(Spec);

        Assert.NotEqual(hasher.Of(row, sha256: true), hasher.Of(row, sha256: false));
    }

    [Fact]
    public void Hash_SameHasherManyRows_EachRowItsOwnHash()
    {
        var hasher = new RowHasher(Spec);
        var longRow = new ParsedRow(1, ["b", new string('x', 3000), 5L]);
        var shortRow = new ParsedRow(2, ["a", "", 12L]);

        Assert.Equal(longRow.Hash(Spec), hasher.Hash(longRow));
        Assert.Equal(shortRow.Hash(Spec), hasher.Hash(shortRow));
        Assert.NotEqual(hasher.Hash(longRow), hasher.Hash(shortRow));
    }

    [Fact]
    public void Share_RepeatedText_ReturnsOneInstance()
    {
        var pool = new ValuePool(2);
        var first = pool.Share(1, new string("acct-5100".AsSpan()));
        pool.Share(1, "other");

        var again = pool.Share(1, new string("acct-5100".AsSpan()));

        Assert.Same(first, again);
        Assert.Equal(7L, pool.Share(0, 7L));
        Assert.Same(pool.Share(0, 7L), pool.Share(0, 7L));
    }

    [Fact]
    public void Share_MoreDistinctValuesThanThePoolHolds_KeepsEveryValue()
    {
        var pool = new ValuePool(1);
        for (var i = 0; i < ValuePool.MaxPerColumn; i++)
        {
            pool.Share(0, "v" + i);
        }

        var beyond = new string("beyond".AsSpan());
        pool.Share(0, "between");

        Assert.Equal("beyond", pool.Share(0, beyond));
        Assert.Equal(123_456L, pool.Share(0, 123_456L));
    }
}

using System.Text;
using BackOffice.Store.Bundle;
using CsCheck;

namespace BackOffice.Tests.Bundle;

/// <summary>
/// Issue 18: the import's compact key table answers exactly as a HashSet of strings would, over random keys (ASCII and
/// not, empty, long enough to span the hash's 8-byte steps), with its own hash and with hashes forced to collide, so the
/// comparison of the real bytes is what tells keys apart.
/// </summary>
public sealed class KeyTablePropertyTests
{
    /// <summary>Keys from a small alphabet so that adds repeat keys and lookups hit as often as they miss.</summary>
    private static readonly Gen<string> Key = Gen.OneOf(
        Gen.Char["ab1-"].Array[0, 3].Select(chars => new string(chars)),
        Gen.Char["xyé€"].Array[0, 20].Select(chars => new string(chars)),
        Gen.Int[0, 50].Select(n => $"BL-{n:D6}-0001"));

    private static readonly Gen<(bool Add, string Key)[]> Operations = Gen.Select(Gen.Bool, Key).Array[0, 300];

    [Fact]
    public void AnswersAsAHashSetWithItsOwnHash() => Operations.Sample(ops => Agrees(ops, null, capacity: 4), iter: 300);

    [Fact]
    public void AnswersAsAHashSetWhenEveryHashCollides() => Operations.Sample(ops => Agrees(ops, _ => 42UL, capacity: 4), iter: 200);

    [Fact]
    public void AnswersAsAHashSetWhenHashesCollideInPartAndTheTableGrows() =>
        Operations.Sample(ops => Agrees(ops, bytes => (ulong)(bytes.Length % 3), capacity: 1), iter: 200);

    [Fact]
    public void KeepsKeysLongerThanAChunk()
    {
        var table = new KeyTable(2);
        var longKey = new string('k', (1 << 20) + 5);
        var entry = table.Add(longKey, out var added);
        table.Add("short", out _);
        Assert.True(added);
        Assert.Equal(longKey, table.KeyString(entry));
        Assert.Equal(entry, table.Find(longKey));
        Assert.Equal("short", table.KeyString(table.Find("short")));
        Assert.Equal(-1, table.Find(longKey[1..]));
    }

    [Fact]
    public void KnownOnlyWhenTheSlotSaysSo()
    {
        var table = new KeyTable(4);
        table.Slot(table.Add("cust-1", out _)).Known = true;
        table.Add("cust-2", out _);
        Assert.True(table.Known("cust-1"));
        Assert.True(table.Known(Encoding.UTF8.GetBytes("cust-1")));
        Assert.False(table.Known("cust-2"));
        Assert.False(table.Known("cust-3"));
    }

    private static bool Agrees((bool Add, string Key)[] operations, KeyHash? hash, int capacity)
    {
        var table = new KeyTable(capacity, hash);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Length; i++)
        {
            var (add, key) = operations[i];
            if (add)
            {
                var entry = table.Add(key, out var added);
                if (added != set.Add(key) || table.KeyString(entry) != key)
                {
                    return false;
                }

                // A slot stays with its key: the first add's line is what a later add finds.
                ref var slot = ref table.Slot(entry);
                if (added)
                {
                    (slot.Line, lines[key]) = (i, i);
                }
                else if (slot.Line != lines[key])
                {
                    return false;
                }
            }
            else if ((table.Find(key) >= 0) != set.Contains(key) || (table.Find(Encoding.UTF8.GetBytes(key)) >= 0) != set.Contains(key))
            {
                return false;
            }
        }

        var keys = Enumerable.Range(0, table.Count).Select(table.KeyString).ToList();
        return table.Count == set.Count && keys.Count == keys.Distinct(StringComparer.Ordinal).Count() && set.SetEquals(keys);
    }
}

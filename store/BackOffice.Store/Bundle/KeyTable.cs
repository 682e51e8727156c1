using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>A 64-bit hash of a key's UTF-8 bytes; injectable so a test can force collisions.</summary>
internal delegate ulong KeyHash(ReadOnlySpan<byte> utf8);

/// <summary>
/// Issue 18: the keys of one table while an import checks it (and, for a file others refer to, afterwards), each with
/// its <see cref="KeySlot"/>, without a string per key. The keys' UTF-8 bytes sit end to end in one buffer; an
/// open-addressed array of entry numbers is probed by a 64-bit hash of the bytes, and two keys whose hashes are equal
/// are told apart by comparing their bytes, so a collision costs a comparison, never a wrong answer. A Dictionary of
/// strings held about 70 bytes a key beside the key's own string (2.5M stored keys on a 1,000-job re-import); this holds
/// 36 bytes a key beside its UTF-8 bytes, and a lookup from the reader's bytes decodes nothing. The bytes go in chunks
/// of 1 MB (never copied to a larger buffer as they grow). Keys are never removed.
/// </summary>
internal sealed class KeyTable
{
    private readonly KeyHash _hash;

    /// <summary>Entry number + 1 by hash position; 0 is empty. At most half full, a power of two long.</summary>
    private int[] _buckets;

    private ulong[] _hashes;

    /// <summary>Where each entry's bytes start: chunk number &lt;&lt; <see cref="ChunkBits"/> | offset in the chunk.</summary>
    private int[] _starts;

    private int[] _lengths;
    private KeySlot[] _slots;
    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;
    private const int ChunkBits = 20, ChunkSize = 1 << ChunkBits;
    private byte[] _scratch = new byte[64];

    /// <param name="capacity">Keys expected: sized once for them (a table grown by doubling holds its old and new arrays at once).</param>
    public KeyTable(int capacity, KeyHash? hash = null)
    {
        _hash = hash ?? DefaultHash;
        capacity = Math.Max(capacity, 4);
        _buckets = new int[BucketsFor(capacity)];
        _hashes = new ulong[capacity];
        _starts = new int[capacity];
        _lengths = new int[capacity];
        _slots = new KeySlot[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The entry number of a key, or -1.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = _hash(key);
        var mask = _buckets.Length - 1;
        for (var at = (int)(hash & (ulong)mask); ; at = (at + 1) & mask)
        {
            var entry = _buckets[at] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && Key(entry).SequenceEqual(key))
            {
                return entry;
            }
        }
    }

    /// <summary>The entry number of a key, added with an empty slot when it is not there yet.</summary>
    public int Add(ReadOnlySpan<byte> key, out bool added)
    {
        var hash = _hash(key);
        var mask = _buckets.Length - 1;
        var at = (int)(hash & (ulong)mask);
        for (; ; at = (at + 1) & mask)
        {
            var entry = _buckets[at] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && Key(entry).SequenceEqual(key))
            {
                added = false;
                return entry;
            }
        }

        added = true;
        var index = Count;
        if (index == _slots.Length)
        {
            var larger = _slots.Length * 2;
            Array.Resize(ref _hashes, larger);
            Array.Resize(ref _starts, larger);
            Array.Resize(ref _lengths, larger);
            Array.Resize(ref _slots, larger);
        }

        (_hashes[index], _starts[index], _lengths[index], _slots[index]) = (hash, Store(key), key.Length, default);
        Count++;
        _buckets[at] = index + 1;
        if (Count * 2 > _buckets.Length)
        {
            Rehash();
        }

        return index;
    }

    /// <summary>An entry's slot, to read or change in place (valid until the next <see cref="Add"/>).</summary>
    public ref KeySlot Slot(int entry) => ref _slots[entry];

    /// <summary>An entry's key bytes (valid until the next <see cref="Add"/>).</summary>
    public ReadOnlySpan<byte> Key(int entry) =>
        _chunks[_starts[entry] >> ChunkBits].AsSpan(_starts[entry] & (ChunkSize - 1), _lengths[entry]);

    public string KeyString(int entry) => Encoding.UTF8.GetString(Key(entry));

    /// <summary>Whether the key is here and its slot says it is a good reference target (<see cref="KeySlot.Known"/>).</summary>
    public bool Known(ReadOnlySpan<byte> key) => Find(key) is var entry and >= 0 && _slots[entry].Known;

    public bool Known(string key) => Known(Utf8(key));

    public int Find(string key) => Find(Utf8(key));

    public int Add(string key, out bool added) => Add(Utf8(key), out added);

    /// <summary>A string key's UTF-8 bytes in the table's scratch buffer (one key at a time).</summary>
    private ReadOnlySpan<byte> Utf8(string key)
    {
        var most = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (_scratch.Length < most)
        {
            _scratch = new byte[most];
        }

        return _scratch.AsSpan(0, Encoding.UTF8.GetBytes(key, _scratch));
    }

    /// <summary>Copies a key's bytes into the current chunk (a new one when they do not fit; a key over 1 MB gets one of its own).</summary>
    private int Store(ReadOnlySpan<byte> key)
    {
        // The first key opens the first chunk, even an empty one.
        if (_chunks.Count == 0 || _used + key.Length > ChunkSize)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, key.Length)]);
            _used = 0;
        }

        var start = ((_chunks.Count - 1) << ChunkBits) | _used;
        key.CopyTo(_chunks[^1].AsSpan(_used));
        // A chunk holding one key longer than a chunk is full.
        _used = key.Length > ChunkSize ? ChunkSize : _used + key.Length;
        return start;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        var mask = _buckets.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var at = (int)(_hashes[entry] & (ulong)mask);
            while (_buckets[at] != 0)
            {
                at = (at + 1) & mask;
            }

            _buckets[at] = entry + 1;
        }
    }

    private static int BucketsFor(int capacity) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(capacity * 2L, 1 << 30));

    /// <summary>
    /// Eight bytes at a time, multiplied and rotated, then MurmurHash3's 64-bit finalizer so the low bits the buckets use
    /// depend on every byte (ids that differ only in their last digits must not crowd one run of buckets).
    /// </summary>
    public static ulong DefaultHash(ReadOnlySpan<byte> utf8)
    {
        const ulong Prime1 = 0x9E3779B185EBCA87UL, Prime2 = 0xC2B2AE3D27D4EB4FUL;
        var hash = Prime1 ^ (ulong)utf8.Length;
        while (utf8.Length >= 8)
        {
            hash = BitOperations.RotateLeft(hash ^ (BinaryPrimitives.ReadUInt64LittleEndian(utf8) * Prime2), 31) * Prime1;
            utf8 = utf8[8..];
        }

        ulong tail = 0;
        for (var i = utf8.Length - 1; i >= 0; i--)
        {
            tail = (tail << 8) | utf8[i];
        }

        hash = BitOperations.RotateLeft(hash ^ (tail * Prime2), 31) * Prime1;
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        return hash ^ (hash >> 33);
    }
}

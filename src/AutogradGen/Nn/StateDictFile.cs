using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AutogradGen.Nn;

/// <summary>
/// The file format of a saved <see cref="StateDict"/> (a module's parameters and buffers, or an optimiser's state).
/// All integers little-endian:
/// <code>
/// magic        8 bytes   "AGDSTATE" (ASCII)
/// version      uint32    1
/// count        uint32    number of entries
/// per entry:
///   name       uint32 byte length (at most 65,536), then the name in UTF-8
///   dtype      1 byte    0 Float32, 1 Float64, 2 Int64, 3 Bool
///   rank       uint32    (at most 64), then rank × int32 sizes, each ≥ 0
///   elements   row-major: 4 bytes per Float32, 8 per Float64 and Int64, 1 per Bool (0 or 1)
/// checksum     uint64    FNV-1a (64-bit) of every byte before it
/// </code>
/// <see cref="Load"/> checks the magic, the version, the checksum and every length before it makes a tensor, and
/// fails with an <see cref="InvalidDataException"/> that says what is wrong; <see cref="Save"/> writes a temporary file
/// beside the target and moves it into place, so an interrupted save leaves the old file whole.
/// </summary>
public static class StateDictFile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const uint Version = 1;

    private static ReadOnlySpan<byte> Magic => "AGDSTATE"u8;
    private const int MaxNameBytes = 65536;
    private const int MaxRank = 64;

    /// <summary>Writes <paramref name="stateDict"/> to <paramref name="path"/>, replacing the file if it exists.</summary>
    public static void Save(string path, StateDict stateDict)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(stateDict);
        var bytes = Serialize(stateDict);
        string temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a state dict saved by <see cref="Save"/>: fresh tensors that do not require grad.</summary>
    public static StateDict Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"No state dict file at '{path}'.", path);
        }
        return Deserialize(bytes, path);
    }

    /// <summary>The file's bytes for <paramref name="stateDict"/>.</summary>
    public static byte[] Serialize(StateDict stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write((uint)stateDict.Count);
            foreach (var (name, tensor) in stateDict)
            {
                var nameBytes = Encoding.UTF8.GetBytes(name);
                writer.Write((uint)nameBytes.Length);
                writer.Write(nameBytes);
                writer.Write(DTypeCode(tensor.DType));
                writer.Write((uint)tensor.Rank);
                foreach (int size in tensor.Shape) writer.Write(size);
                WriteElements(writer, tensor);
            }
        }
        var body = stream.ToArray();
        var result = new byte[body.Length + 8];
        body.CopyTo(result, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(body.Length), Fnv1a(body));
        return result;
    }

    /// <summary>Parses the file's bytes; <paramref name="source"/> names the file in messages.</summary>
    public static StateDict Deserialize(byte[] bytes, string source = "the state dict")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Magic.Length + 16 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Corrupt(source, "it does not start with the AutogradGen state dict magic \"AGDSTATE\" (not a file written by Module.Save or StateDictFile.Save)");
        }
        var reader = new Reader(bytes, source, bytes.Length - 8);
        reader.Skip(Magic.Length);
        uint version = reader.UInt32();
        if (version != Version) throw Corrupt(source, $"it has format version {version}; this library reads version {Version}");
        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8));
        if (stored != Fnv1a(bytes.AsSpan(0, bytes.Length - 8))) throw Corrupt(source, "its checksum does not match its contents (the file is truncated or damaged)");
        uint count = reader.UInt32();
        var result = new StateDict();
        for (uint e = 0; e < count; e++)
        {
            int nameLength = reader.Length(MaxNameBytes, "name length");
            string name = Encoding.UTF8.GetString(reader.Bytes(nameLength));
            var dtype = reader.Byte() switch
            {
                0 => DType.Float32,
                1 => DType.Float64,
                2 => DType.Int64,
                3 => DType.Bool,
                var code => throw Corrupt(source, $"entry '{name}' has unknown dtype code {code}"),
            };
            int rank = reader.Length(MaxRank, "rank");
            var shape = new int[rank];
            long numel = 1;
            for (int d = 0; d < rank; d++)
            {
                shape[d] = reader.Int32();
                if (shape[d] < 0) throw Corrupt(source, $"entry '{name}' has a negative size {shape[d]}");
                numel *= shape[d];
                if (numel > int.MaxValue) throw Corrupt(source, $"entry '{name}' is too large");
            }
            var tensor = ReadElements(reader, dtype, shape, (int)numel);
            if (result.ContainsKey(name)) throw Corrupt(source, $"the name '{name}' appears twice");
            result.Add(name, tensor);
        }
        if (!reader.AtEnd) throw Corrupt(source, "it has bytes after its last entry");
        return result;
    }

    private static byte DTypeCode(DType dtype) => dtype switch
    {
        DType.Float32 => 0,
        DType.Float64 => 1,
        DType.Int64 => 2,
        _ => 3,
    };

    private static void WriteElements(BinaryWriter writer, Tensor tensor)
    {
        switch (tensor.DType)
        {
            case DType.Float32: foreach (float v in tensor.ToArray<float>()) writer.Write(v); break;
            case DType.Float64: foreach (double v in tensor.ToArray()) writer.Write(v); break;
            case DType.Int64: foreach (long v in tensor.ToArray<long>()) writer.Write(v); break;
            default: foreach (double v in tensor.ToArray()) writer.Write((byte)(v != 0 ? 1 : 0)); break;
        }
    }

    private static Tensor ReadElements(Reader reader, DType dtype, int[] shape, int numel)
    {
        switch (dtype)
        {
            case DType.Float32:
            {
                var values = new float[numel];
                var span = reader.Bytes(checked(numel * 4));
                for (int i = 0; i < numel; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(span.Slice(i * 4));
                return Tensor.From(values, shape);
            }
            case DType.Float64:
            {
                var values = new double[numel];
                var span = reader.Bytes(checked(numel * 8));
                for (int i = 0; i < numel; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(span.Slice(i * 8));
                return Tensor.From(values, shape);
            }
            case DType.Int64:
            {
                var values = new long[numel];
                var span = reader.Bytes(checked(numel * 8));
                for (int i = 0; i < numel; i++) values[i] = BinaryPrimitives.ReadInt64LittleEndian(span.Slice(i * 8));
                return Tensor.From(values, shape);
            }
            default:
            {
                var span = reader.Bytes(numel);
                var flags = new bool[numel];
                for (int i = 0; i < numel; i++) flags[i] = span[i] != 0;
                return Tensor.From(flags).Reshape(shape);
            }
        }
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static InvalidDataException Corrupt(string source, string why) => new($"Cannot read {source}: {why}. Nothing was loaded.");

    /// <summary>Bounds-checked reads over the file's bytes up to the checksum.</summary>
    private sealed class Reader(byte[] bytes, string source, int end)
    {
        private int _position;

        public bool AtEnd => _position == end;

        public void Skip(int count) => Bytes(count);

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || _position + (long)count > end) throw Corrupt(source, "it ends in the middle of an entry (the file is truncated)");
            var span = bytes.AsSpan(_position, count);
            _position += count;
            return span;
        }

        public byte Byte() => Bytes(1)[0];

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public int Length(int limit, string what)
        {
            uint value = UInt32();
            if (value > limit) throw Corrupt(source, $"an entry's {what} is {value}, more than {limit}");
            return (int)value;
        }
    }
}

namespace AutogradGen;

/// <summary>Fills buffers with samples the way PyTorch's CPU kernels do, so seeded results match PyTorch's.</summary>
internal static class RandomFill
{
    /// <summary>Standard normal samples (<c>normal_kernel</c>): element by element below 16 elements, in Box–Muller blocks of 16 above.</summary>
    public static void Normal(RandomGenerator generator, Span<float> data)
    {
        if (data.Length < 16)
        {
            for (int i = 0; i < data.Length; i++) data[i] = (float)generator.NextNormal();
            return;
        }
        for (int i = 0; i < data.Length; i++) data[i] = generator.NextSingle();
        for (int i = 0; i + 16 <= data.Length; i += 16) BoxMuller16(data.Slice(i, 16));
        if (data.Length % 16 != 0)
        {
            // PyTorch redraws the last 16 elements (overlapping the last full block) to cover the tail.
            var tail = data[^16..];
            for (int i = 0; i < 16; i++) tail[i] = generator.NextSingle();
            BoxMuller16(tail);
        }
    }

    /// <summary>Standard normal samples for float64 tensors.</summary>
    public static void Normal(RandomGenerator generator, Span<double> data)
    {
        if (data.Length < 16)
        {
            for (int i = 0; i < data.Length; i++) data[i] = generator.NextNormal();
            return;
        }
        for (int i = 0; i < data.Length; i++) data[i] = generator.NextDouble();
        for (int i = 0; i + 16 <= data.Length; i += 16) BoxMuller16(data.Slice(i, 16));
        if (data.Length % 16 != 0)
        {
            var tail = data[^16..];
            for (int i = 0; i < 16; i++) tail[i] = generator.NextDouble();
            BoxMuller16(tail);
        }
    }

    /// <summary>Uniform samples in [0, 1).</summary>
    public static void Uniform(RandomGenerator generator, Span<float> data)
    {
        for (int i = 0; i < data.Length; i++) data[i] = generator.NextSingle();
    }

    /// <summary>Uniform samples in [0, 1).</summary>
    public static void Uniform(RandomGenerator generator, Span<double> data)
    {
        for (int i = 0; i < data.Length; i++) data[i] = generator.NextDouble();
    }

    private static void BoxMuller16(Span<float> block)
    {
        for (int j = 0; j < 8; j++)
        {
            float u1 = 1 - block[j];
            float u2 = block[j + 8];
            float radius = MathF.Sqrt(-2 * MathF.Log(u1));
            float theta = 2.0f * MathF.PI * u2;
            block[j] = radius * MathF.Cos(theta);
            block[j + 8] = radius * MathF.Sin(theta);
        }
    }

    private static void BoxMuller16(Span<double> block)
    {
        for (int j = 0; j < 8; j++)
        {
            double u1 = 1 - block[j];
            double u2 = block[j + 8];
            double radius = Math.Sqrt(-2 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            block[j] = radius * Math.Cos(theta);
            block[j + 8] = radius * Math.Sin(theta);
        }
    }
}

namespace AutogradGen.Samples.Models;

/// <summary>
/// A seeded synthetic image dataset for the classifier sample: 12 × 12 grey images of five glyphs (a horizontal bar, a
/// vertical bar, the two diagonals and a hollow box) drawn at a random place, size, stroke width and brightness, on
/// Gaussian noise with a few bright speckles. Nothing is downloaded: the same seed gives the same images everywhere.
/// </summary>
internal static class GlyphImages
{
    public const int Side = 12;
    public const int Pixels = Side * Side;
    public static readonly string[] ClassNames = ["horizontal", "vertical", "diagonal \\", "diagonal /", "box"];

    /// <summary>The images as a float tensor of shape [count, 144] and their labels as an Int64 tensor of shape [count].</summary>
    public static (Tensor Images, Tensor Labels) Make(int count, RandomGenerator generator)
    {
        var pixels = new float[count * Pixels];
        var labels = new long[count];
        for (int n = 0; n < count; n++)
        {
            int label = n % ClassNames.Length;
            labels[n] = label;
            Draw(pixels.AsSpan(n * Pixels, Pixels), label, generator);
        }
        return (Tensor.From(pixels, [count, Pixels]), Tensor.From(labels, [count]));
    }

    private static void Draw(Span<float> image, int label, RandomGenerator generator)
    {
        for (int i = 0; i < image.Length; i++) image[i] = (float)(0.3 * generator.NextNormal());
        for (int speckle = 0; speckle < 3; speckle++) image[Uniform(generator, 0, Pixels - 1)] += 0.8f;

        float brightness = (float)(0.6 + 0.4 * generator.NextDouble());
        int length = Uniform(generator, 5, 9);
        int width = Uniform(generator, 1, 2);
        int row = Uniform(generator, 0, Side - length);
        int column = Uniform(generator, 0, Side - length);
        for (int step = 0; step < length; step++)
        {
            for (int w = 0; w < width; w++)
            {
                switch (label)
                {
                    case 0: Plot(image, row + length / 2 + w, column + step, brightness); break;
                    case 1: Plot(image, row + step, column + length / 2 + w, brightness); break;
                    case 2: Plot(image, row + step, column + step + w, brightness); break;
                    case 3: Plot(image, row + step, column + length - 1 - step + w, brightness); break;
                    default:
                        Plot(image, row + w, column + step, brightness);
                        Plot(image, row + length - 1 - w, column + step, brightness);
                        Plot(image, row + step, column + w, brightness);
                        Plot(image, row + step, column + length - 1 - w, brightness);
                        break;
                }
            }
        }
    }

    // Strokes that run off the edge are clipped, as a camera would crop them.
    private static void Plot(Span<float> image, int row, int column, float brightness)
    {
        if (row >= 0 && row < Side && column >= 0 && column < Side) image[row * Side + column] = brightness;
    }

    private static int Uniform(RandomGenerator generator, int low, int high) => low + (int)(generator.NextUInt32() % (uint)(high - low + 1));
}

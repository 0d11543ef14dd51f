using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads.Gmm;

namespace AutogradGen.Benchmarks.Tests.Workloads;

public class GmmFileReaderTests
{
    private static GmmInstance ReadTestFile() => GmmFileReader.Read(RepositoryPaths.Data("adbench", "gmm", "test.txt"));

    [Fact]
    public void Test_txt_has_two_dimensions_three_components_and_one_point()
    {
        GmmInstance instance = ReadTestFile();

        Assert.Equal((2, 3, 1), (instance.Dimension, instance.ComponentCount, instance.PointCount));
    }

    [Fact]
    public void Test_txt_has_eighteen_parameters()
    {
        Assert.Equal(18, ReadTestFile().ParameterCount);
    }

    [Fact]
    public void Parameters_are_packed_as_alphas_then_means_then_icf()
    {
        GmmInstance instance = ReadTestFile();

        Assert.Equal(-0.649014, instance.Parameters[0]);
        Assert.Equal(0.092339, instance.Parameters[instance.MeansOffset]);
        Assert.Equal(0.586443, instance.Parameters[instance.IcfOffset]);
        Assert.Equal(-1.270071, instance.Parameters[instance.ParameterCount - 1]);
    }

    [Fact]
    public void Points_and_the_Wishart_prior_follow_the_parameters()
    {
        GmmInstance instance = ReadTestFile();

        Assert.Equal([1.175171, 2.029160], instance.Points.ToArray());
        Assert.Equal((1.0, 0), (instance.WishartGamma, instance.WishartM));
    }

    [Fact]
    public void Gmm_d2_K5_has_a_thousand_points()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.D2K5);

        Assert.Equal((2, 5, 1000, 30), (instance.Dimension, instance.ComponentCount, instance.PointCount, instance.ParameterCount));
    }

    [Fact]
    public void A_file_with_too_few_numbers_is_rejected_with_the_count_it_needs()
    {
        var error = Assert.Throws<FormatException>(() => GmmFileReader.Parse("1 1 1  0.5  0.0  0.1  2.0", "short.txt"));

        Assert.Equal(
            "short.txt: d = 1, k = 1, n = 1 call for 9 numbers (d k n, k alphas, k·d means, k·1 icf, n·d points, gamma m), but the file holds 7.",
            error.Message);
    }

    [Fact]
    public void A_token_that_is_not_a_number_is_named_in_the_error()
    {
        var error = Assert.Throws<FormatException>(() => GmmFileReader.Parse("1 1 1  0.5  zero  0.1  2.0  1.0 0", "bad.txt"));

        Assert.Equal("bad.txt: token 5 ('zero') is not a number.", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-gmm-file.txt");

        var error = Assert.Throws<FileNotFoundException>(() => GmmFileReader.Read(path));

        Assert.Equal(path, error.FileName);
    }
}

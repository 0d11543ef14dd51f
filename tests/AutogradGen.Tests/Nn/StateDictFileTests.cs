using AutogradGen.Nn;

namespace AutogradGen.Tests.Nn;

/// <summary>State dicts: saved to a file and loaded back exactly; a corrupt or mismatched file fails clearly and changes nothing.</summary>
public sealed class StateDictFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"agd-state-{Guid.NewGuid():N}.bin");

    public void Dispose()
    {
        if (File.Exists(_path)) File.Delete(_path);
    }

    private static Sequential Model(ulong seed) =>
        new(new Linear(3, 4, generator: new RandomGenerator(seed)), new ReLU(), new BatchNorm1d(4), new Linear(4, 2, dtype: DType.Float32, generator: new RandomGenerator(seed + 1)));

    private static double[][] Values(Module model) => [.. model.StateDict().Values.Select(static t => t.ToArray())];

    [Fact]
    public void A_saved_model_loads_into_another_bit_for_bit_and_keeps_its_parameter_objects()
    {
        var source = Model(1);
        source.Forward(Tensor.Ones([5, 3]));
        source.Save(_path);
        var target = Model(7);
        var parameters = target.Parameters().ToList();
        target.Load(_path);
        Assert.Equal(Values(source), Values(target));
        Assert.Equal(parameters, target.Parameters());
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "3.weight", "3.bias", "2.running_mean", "2.running_var", "2.num_batches_tracked"], target.StateDict().Keys);
    }

    [Fact]
    public void The_file_starts_with_the_magic_and_version()
    {
        Model(1).Save(_path);
        var bytes = File.ReadAllBytes(_path);
        Assert.Equal("AGDSTATE"u8.ToArray(), bytes[..8]);
        Assert.Equal(1u, BitConverter.ToUInt32(bytes, 8));
        Assert.Equal(9u, BitConverter.ToUInt32(bytes, 12));
    }

    [Fact]
    public void A_damaged_file_fails_with_a_clear_error_and_changes_nothing()
    {
        Model(1).Save(_path);
        var bytes = File.ReadAllBytes(_path);
        bytes[40] ^= 0x10;
        File.WriteAllBytes(_path, bytes);
        var target = Model(7);
        var before = Values(target);
        var error = Assert.Throws<InvalidDataException>(() => target.Load(_path));
        Assert.Contains("checksum does not match", error.Message);
        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void A_truncated_file_or_a_foreign_one_fails_clearly()
    {
        Model(1).Save(_path);
        var bytes = File.ReadAllBytes(_path);
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => StateDictFile.Deserialize(bytes[..(bytes.Length / 2)])).Message);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => StateDictFile.Deserialize("PK\x03\x04 not a state dict"u8.ToArray())).Message);
    }

    [Fact]
    public void A_file_of_another_model_fails_with_PyTorch_s_messages_and_changes_nothing()
    {
        new Sequential(new Linear(3, 5), new ReLU()).Save(_path);
        var target = Model(7);
        var before = Values(target);
        var error = Assert.Throws<InvalidDataException>(() => target.Load(_path));
        Assert.Contains("size mismatch for 0.weight: copying a param with shape torch.Size([5, 3]) from checkpoint, the shape in current model is torch.Size([4, 3]).", error.Message);
        Assert.Contains("Missing key(s) in state_dict: \"2.weight\"", error.Message);
        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void Non_strict_loading_takes_the_matching_names_only()
    {
        var source = new Sequential(new Linear(3, 4, generator: new RandomGenerator(3)));
        var target = Model(7);
        target.LoadStateDict(source.StateDict(), strict: false);
        Assert.Equal(source.StateDict()["0.weight"].ToArray(), target.StateDict()["0.weight"].ToArray());
    }
}

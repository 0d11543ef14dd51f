using AutogradGen.Nn;
using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Nn;

/// <summary>Modules: registration, names, modes, PyTorch's initialisation and the layers' values (reference numbers from PyTorch 1.13.1).</summary>
public class ModuleTests
{
    private static Tensor Batch() => Tensor.From(new float[,] { { 1, 2, 3 }, { 0, -1, 4 }, { 2, 2, 2 }, { 1, 0, -1 } });

    [Fact]
    public void Linear_is_initialised_as_PyTorch_initialises_it_for_the_same_seed()
    {
        // torch.manual_seed(0); l = nn.Linear(3, 2); l.weight, l.bias
        var layer = new Linear(3, 2, generator: new RandomGenerator(0));
        TensorAssert.Equal([-0.004322517663240433, 0.3097158372402191, -0.4751853346824646, -0.4248946011066437, -0.2223689705133438, 0.15482072532176971], layer.Weight, precision: 7);
        TensorAssert.Equal([-0.011439144611358643, 0.45777493715286255], layer.Bias, precision: 7);
    }

    [Fact]
    public void Embedding_draws_from_the_normal_and_zeroes_the_padding_row()
    {
        // torch.manual_seed(0); nn.Embedding(4, 2, padding_idx=1).weight
        var table = new AutogradGen.Nn.Embedding(4, 2, paddingIdx: 1, generator: new RandomGenerator(0));
        TensorAssert.Equal([1.5409960746765137, -0.293428897857666, 0, 0, -1.0845223665237427, -1.3985954523086548, 0.40334683656692505, 0.8380263447761536], table.Weight, precision: 6);
        Assert.Equal([2, 2], table.Forward(Tensor.From([0L, 3])).Shape.ToArray());
    }

    [Fact]
    public void BatchNorm1d_updates_its_running_statistics_in_training_and_uses_them_in_evaluation()
    {
        // b = nn.BatchNorm1d(3); y = b(x); b.running_mean, b.running_var; b.eval(); b(x)[0]
        var norm = new BatchNorm1d(3);
        var y = norm.Forward(Batch());
        TensorAssert.Equal([0, 0.9622476100921631, 0.5345216989517212, -1.4141994714736938, -1.34714674949646, 1.0690433979034424], y.Narrow(0, 0, 2), precision: 5);
        TensorAssert.Equal([0.10000000149011612, 0.07500000298023224, 0.20000000298023224], norm.RunningMean, precision: 6);
        TensorAssert.Equal([0.9666666388511658, 1.125, 1.3666666746139526], norm.RunningVar, precision: 6);
        Assert.Equal(1, norm.NumBatchesTracked.Item());
        norm.Eval();
        TensorAssert.Equal([0.9153809547424316, 1.8148993253707886, 2.395108222961426], norm.Forward(Batch())[0], precision: 5);
        Assert.Equal(1, norm.NumBatchesTracked.Item());
    }

    [Fact]
    public void LayerNorm_normalises_the_last_dimension()
    {
        // nn.LayerNorm([3])(x)[1]
        TensorAssert.Equal([-0.4629095494747162, -0.9258190989494324, 1.3887286186218262], new AutogradGen.Nn.LayerNorm([3]).Forward(Batch())[1], precision: 5);
    }

    [Fact]
    public void Sequential_names_its_parameters_by_position_and_chains_forward()
    {
        var model = new Sequential(new Linear(3, 4, generator: new RandomGenerator(1)), new GELU(), new AutogradGen.Nn.Dropout(0.5), new Linear(4, 2, bias: false, generator: new RandomGenerator(2)));
        Assert.Equal(["0.weight", "0.bias", "3.weight"], model.NamedParameters().Select(static p => p.Key));
        Assert.Equal(["", "0", "1", "2", "3"], model.NamedModules().Select(static m => m.Key));
        Assert.Equal([4, 2], model.Forward(Batch()).Shape.ToArray());
    }

    [Fact]
    public void Train_and_Eval_reach_every_submodule_and_eval_dropout_is_the_identity()
    {
        var dropout = new AutogradGen.Nn.Dropout(0.9, new RandomGenerator(0));
        var model = new Sequential(new ReLU(), new Sequential(dropout, new AutogradGen.Nn.Tanh()));
        model.Eval();
        Assert.False(dropout.Training);
        var x = Batch();
        Assert.Same(x, dropout.Forward(x));
        model.Train();
        Assert.True(dropout.Training);
        Assert.NotEqual(x.ToArray(), dropout.Forward(x).ToArray());
    }

    [Fact]
    public void ZeroGrad_clears_every_parameter_s_gradient()
    {
        var model = new Sequential(new Linear(3, 2), new AutogradGen.Nn.Tanh());
        model.Forward(Batch()).Sum().Backward();
        Assert.All(model.Parameters(), static p => Assert.NotNull(p.Grad));
        model.ZeroGrad(setToNone: false);
        Assert.All(model.Parameters(), static p => Assert.All(p.Grad!.ToArray(), static g => Assert.Equal(0, g)));
        model.ZeroGrad();
        Assert.All(model.Parameters(), static p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Registering_a_name_twice_or_a_non_leaf_fails()
    {
        Assert.Throws<ArgumentException>(() => new TwiceNamed());
        Assert.Throws<ArgumentException>(() => new NonLeafParameter());
    }

    private sealed class TwiceNamed : Module
    {
        public TwiceNamed()
        {
            RegisterParameter("w", Parameter.Create(Tensor.Ones([1])));
            RegisterBuffer("w", Tensor.Ones([1]));
        }

        public override Tensor Forward(Tensor input) => input;
    }

    private sealed class NonLeafParameter : Module
    {
        public NonLeafParameter() => RegisterParameter("w", Tensor.Ones([1], requiresGrad: true) * 2);

        public override Tensor Forward(Tensor input) => input;
    }
}

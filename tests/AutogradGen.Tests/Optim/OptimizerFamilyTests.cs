using AutogradGen.Nn;
using AutogradGen.Optim;
using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Optim;

/// <summary>
/// RMSprop, Adagrad, parameter groups, gradient clipping and optimiser state dicts against PyTorch 1.13.1, step by step.
/// The reference numbers come from this snippet (three steps each):
/// <code>
/// w = torch.tensor([[0.5, -1.2, 0.3], [2.0, 0.1, -0.7]], dtype=torch.float64, requires_grad=True)
/// b = torch.tensor([0.25, -0.5], dtype=torch.float64, requires_grad=True)
/// t = torch.tensor([[0.1, 0.2, 0.3], [-0.4, 0.5, -0.6]], dtype=torch.float64)
/// for _ in range(3):
///     opt.zero_grad(); loss = ((w - t) ** 2).sum() + 0.1 * (w ** 3).sum() + (b ** 2).sum() * w.sum(); loss.backward(); opt.step()
/// print(w.flatten().tolist() + b.tolist())
/// </code>
/// </summary>
public class OptimizerFamilyTests
{
    private static (Tensor W, Tensor B) Parameters() =>
        (Tensor.From(new double[,] { { 0.5, -1.2, 0.3 }, { 2.0, 0.1, -0.7 } }, requiresGrad: true), Tensor.From([0.25, -0.5], requiresGrad: true));

    private static double[] Run(Func<Tensor, Tensor, Optimizer> make, int steps = 3)
    {
        var (w, b) = Parameters();
        var optimizer = make(w, b);
        Train(optimizer, w, b, steps);
        return [.. w.ToArray(), .. b.ToArray()];
    }

    private static void Train(Optimizer optimizer, Tensor w, Tensor b, int steps)
    {
        var t = Tensor.From(new double[,] { { 0.1, 0.2, 0.3 }, { -0.4, 0.5, -0.6 } });
        for (int s = 0; s < steps; s++)
        {
            optimizer.ZeroGrad();
            var difference = w - t;
            var loss = (difference * difference).Sum() + (w.Pow(3).Sum() * 0.1) + ((b * b).Sum() * w.Sum());
            loss.Backward();
            optimizer.Step();
        }
    }

    public static TheoryData<string> Cases => [.. References.Keys];

    private static readonly Dictionary<string, (Func<Tensor, Tensor, Optimizer> Make, double[] Expected)> References = new()
    {
        // O.RMSprop([w, b])
        ["rmsprop defaults"] = ((w, b) => new RMSprop([w, b]),
            [0.30121952583573997, -0.9719653799189036, 0.21735901437879912, 1.7769522062036003, 0.3097621298344187, -0.7668082569577486, 0.0762181362937624, -0.30244813764691714]),
        // O.RMSprop([w, b], lr=0.01, momentum=0.9, centered=True, weight_decay=0.1)
        ["rmsprop centered with momentum"] = ((w, b) => new RMSprop([w, b], lr: 0.01, momentum: 0.9, centered: true, weightDecay: 0.1),
            [0.09028173386022538, -0.7354313674247555, 0.08564016205017677, 1.543437746124278, 0.5183355402505105, -0.7982174494124548, -0.10992189021660086, -0.09441521393323249]),
        // O.Adagrad([w, b], lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.2)
        ["adagrad"] = ((w, b) => new Adagrad([w, b], lr: 0.1, lrDecay: 0.01, weightDecay: 0.1, initialAccumulatorValue: 0.2),
            [0.31000760988840254, -0.9779390293098915, 0.21555380493862755, 1.7793494266004048, 0.2688456172405238, -0.7309987131605841, 0.10269017060615845, -0.3119081352316024]),
        // O.Adam([{'params': [w]}, {'params': [b], 'lr': 0.05, 'weight_decay': 0.2}], lr=0.01)
        ["adam with two groups"] = ((w, b) => new Adam([new ParameterGroup([w]), new ParameterGroup([b], lr: 0.05, weightDecay: 0.2)], lr: 0.01),
            [0.47010602770233145, -1.169978753532694, 0.27080178533954347, 1.970016183393288, 0.1300479320398824, -0.7287920932538857, 0.10270494820098533, -0.35097561435854324]),
        // O.AdamW([w, b], lr=0.02, amsgrad=True, maximize=True)
        ["adamw amsgrad maximize"] = ((w, b) => new AdamW([w, b], lr: 0.02, amsGrad: true, maximize: true),
            [0.5597708902881748, -1.2592622996224967, 0.35984724992770245, 2.058814389952459, 0.03991779704360733, -0.6395788301141168, 0.3099367104196169, -0.5597806691578656]),
        // O.SGD([{'params': [w], 'momentum': 0.5}, {'params': [b]}], lr=0.05, momentum=0.9, nesterov=True)
        ["sgd with a group momentum"] = ((w, b) => new SGD([new ParameterGroup([w], momentum: 0.5), new ParameterGroup([b])], lr: 0.05, momentum: 0.9, nesterov: true),
            [0.26531100927795925, -0.7016747482591591, 0.2480885831910151, 0.7319600932710698, 0.2281462322014371, -0.7368062547110952, 0.12430673359234845, -0.2486134671846969]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Three_steps_match_PyTorch(string name)
    {
        var (make, expected) = References[name];
        TensorAssert.Equal(expected, Tensor.From(Run(make)), precision: 12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_state_dict_saved_after_one_step_resumes_to_the_same_result(string name)
    {
        var make = References[name].Make;
        var (w, b) = Parameters();
        var first = make(w, b);
        Train(first, w, b, 1);
        var path = Path.Combine(Path.GetTempPath(), $"agd-optim-{Guid.NewGuid():N}.bin");
        try
        {
            StateDictFile.Save(path, first.StateDict());
            var (w2, b2) = (w.Detach().Clone().RequiresGrad_(), b.Detach().Clone().RequiresGrad_());
            var resumed = make(w2, b2);
            resumed.LoadStateDict(StateDictFile.Load(path));
            Train(resumed, w2, b2, 2);
            TensorAssert.Equal(References[name].Expected, Tensor.From([.. w2.ToArray(), .. b2.ToArray()]), precision: 12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_state_dict_of_another_optimizer_shape_fails_and_changes_nothing()
    {
        var (w, b) = Parameters();
        var adam = new Adam([w, b]);
        Train(adam, w, b, 1);
        var other = new Adam([Tensor.Zeros([2], requiresGrad: true, dtype: DType.Float64)]);
        var error = Assert.Throws<InvalidDataException>(() => other.LoadStateDict(adam.StateDict()));
        Assert.Contains("does not fit this optimizer", error.Message);
        Assert.Empty(other.State(0));
        var sgd = new SGD([w, b], momentum: 0.9);
        Assert.Throws<InvalidDataException>(() => sgd.LoadStateDict(adam.StateDict()));
        Assert.Empty(sgd.State(0));
    }

    [Fact]
    public void A_parameter_in_two_groups_is_refused()
    {
        var (w, _) = Parameters();
        Assert.Throws<ArgumentException>(() => new SGD([new ParameterGroup([w]), new ParameterGroup([w])]));
    }

    [Fact]
    public void ClipGradNorm_scales_all_gradients_by_the_total_norm_as_PyTorch()
    {
        // w.grad = [[3., -4.], [1., 2.]]; b.grad = [0.5, -1., 2.]; clip_grad_norm_([w, b], 2.0) (and norm_type=1)
        var (w, b) = (Tensor.Zeros([2, 2], requiresGrad: true), Tensor.Zeros([3], requiresGrad: true));
        void SetGrads()
        {
            w.Grad = Tensor.From([3f, -4, 1, 2]).Reshape([2, 2]);
            b.Grad = Tensor.From([0.5f, -1, 2]);
        }
        SetGrads();
        Assert.Equal(5.937171459197998, GradClipping.ClipGradNorm([w, b], 2.0), 6);
        TensorAssert.Equal([1.0105820894241333, -1.3474427461624146, 0.33686068654060364, 0.6737213730812073], w.Grad, precision: 6);
        TensorAssert.Equal([0.16843034327030182, -0.33686068654060364, 0.6737213730812073], b.Grad, precision: 6);
        SetGrads();
        Assert.Equal(13.5, GradClipping.ClipGradNorm([w, b], 2.0, normType: 1), 6);
        TensorAssert.Equal([0.4444444179534912, -0.5925925374031067, 0.14814813435077667, 0.29629626870155334], w.Grad, precision: 6);
        SetGrads();
        GradClipping.ClipGradValue([w, b], 1.5);
        TensorAssert.Equal([1.5, -1.5, 1, 1.5], w.Grad);
    }
}

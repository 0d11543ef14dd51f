using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Functional;

/// <summary>
/// Float32 losses and their input gradients against PyTorch 1.13.1's numbers for the same inputs
/// (Support/pytorch_reference.py): the same formulas, agreeing to float32 rounding.
/// </summary>
public class PyTorchReferenceTests
{
    // Logits from far negative to far positive (12 exercises the stable form), and targets with soft labels.
    private static Tensor Input() => Tensor.From([-2.5f, -0.3f, 0f, 0.7f, 3.1f, 12f], [2, 3], requiresGrad: true);

    private static readonly Tensor Target = Tensor.From([0f, 1f, 0.25f, 1f, 0f, 0.6f], [2, 3]);
    private static readonly Tensor PosWeight = Tensor.From([2f, 0.5f, 1.5f]);
    private static readonly Tensor RowWeight = Tensor.From([1.5f, 0.5f], [2, 1]);
    private static readonly Tensor Classes = Tensor.From([2L, 0]);

    /// <summary>The case name (the loss, then the reduction), the loss PyTorch computed, and the gradient of its sum.</summary>
    public static TheoryData<string, double[], double[]> Cases => new()
    {
        { "bcel Mean", [1.6622744798660278], [0.012643028981983662, -0.0957404151558876, 0.0416666679084301, -0.05530204251408577, 0.15948212146759033, 0.06666562706232071] },
        { "bcel pw w Mean", [1.0506682395935059], [0.01896454393863678, -0.07180531322956085, 0.046875, -0.05530204251408577, 0.07974106073379517, 0.03333266079425812] },
        { "bce Mean", [1.6616835594177246], [0.012643029913306236, -0.0957404226064682, 0.0416666679084301, -0.05530204251408577, 0.15948212146759033, 0.06666562706232071] },
        { "mse Mean", [24.610414505004883], [-0.8333333730697632, -0.4333333373069763, -0.0833333358168602, -0.10000000894069672, 1.0333333015441895, 3.799999952316284] },
        { "ce Mean", [5.950289726257324], [0.022514905780553818, 0.20319736003875732, -0.22571223974227905, -0.49999380111694336, 6.818434485467151e-05, 0.4999256134033203] },
        { "ce w Mean", [6.714555263519287], [0.01929849199950695, 0.17416918277740479, -0.1934676468372345, -0.5714215040206909, 7.792496762704104e-05, 0.5713436007499695] },
        { "ce prob Mean", [4.206930637359619], [-0.07743897289037704, -0.06850545108318329, 0.14594443142414093, -0.24530838429927826, -0.0901779979467392, 0.33548635244369507] },
        { "bcel Sum", [9.973647117614746], [0.07585817575454712, -0.5744425058364868, 0.25, -0.3318122625350952, 0.956892728805542, 0.39999377727508545] },
        { "bcel pw w Sum", [6.304009437561035], [0.11378726363182068, -0.4308318793773651, 0.28125, -0.3318122625350952, 0.478446364402771, 0.1999959647655487] },
        { "bce Sum", [9.970101356506348], [0.07585817575454712, -0.5744425058364868, 0.25, -0.3318122625350952, 0.956892728805542, 0.39999377727508545] },
        { "mse Sum", [147.66249084472656], [-5.0, -2.5999999046325684, -0.5, -0.6000000238418579, 6.199999809265137, 22.799999237060547] },
        { "ce Sum", [11.900579452514648], [0.045029811561107635, 0.40639472007751465, -0.4514244794845581, -0.9999876022338867, 0.00013636868970934302, 0.9998512268066406] },
        { "ce w Sum", [23.500944137573242], [0.06754471361637115, 0.609592080116272, -0.6771367192268372, -1.9999752044677734, 0.00027273737941868603, 1.9997024536132812] },
        { "ce prob Sum", [8.413861274719238], [-0.1548779457807541, -0.13701090216636658, 0.29188886284828186, -0.4906167685985565, -0.1803559958934784, 0.6709727048873901] },
        { "bcel None", [0.07888974994421005, 0.8543552756309509, 0.6931471824645996, 0.4031860828399658, 3.144063949584961, 4.800005912780762], [0.07585817575454712, -0.5744425058364868, 0.25, -0.3318122625350952, 0.956892728805542, 0.39999377727508545] },
        { "bcel pw w None", [0.11833477020263672, 0.640766441822052, 1.1696858406066895, 0.4031860828399658, 1.5720319747924805, 2.4000039100646973], [0.11378726363182068, -0.4308318793773651, 0.28125, -0.3318122625350952, 0.478446364402771, 0.1999959647655487] },
        { "bce None", [0.07888972759246826, 0.8543552160263062, 0.6931471824645996, 0.4031861126422882, 3.1440634727478027, 4.796460151672363], [0.07585817575454712, -0.5744425058364868, 0.25, -0.3318122625350952, 0.956892728805542, 0.39999377727508545] },
        { "mse None", [6.25, 1.6899998188018799, 0.0625, 0.09000000357627869, 9.609999656677246, 129.95999145507812], [-5.0, -2.5999999046325684, -0.5, -0.6000000238418579, 6.199999809265137, 22.799999237060547] },
        { "ce None", [0.6004303693771362, 11.300148963928223], [0.045029811561107635, 0.40639472007751465, -0.4514244794845581, -0.9999876022338867, 0.00013636868970934302, 0.9998512268066406] },
        { "ce w None", [0.9006455540657043, 22.600297927856445], [0.06754471361637115, 0.609592080116272, -0.6771367192268372, -1.9999752044677734, 0.00027273737941868603, 1.9997024536132812] },
        { "ce prob None", [1.2632215023040771, 7.15064001083374], [-0.1548779457807541, -0.13701090216636658, 0.29188886284828186, -0.4906167685985565, -0.1803559958934784, 0.6709727048873901] },
        { "softmax0", [0.0, 0.03229546919465065, 1.5360435554612195e-06, 0.960834264755249, 0.0, 0.5999963283538818], [-0.03763176500797272, 0.03125247359275818, -2.150447471649386e-06, 0.03763177990913391, -0.03125247359275818, 2.2053582142689265e-06] },
        { "logsoftmax1", [-0.0, -0.9004303812980652, -0.15010759234428406, -11.300148963928223, -0.0, -8.925728616304696e-05], [-0.056287266314029694, 0.4920065999031067, -0.43571940064430237, 0.9999802112579346, -0.00021818990353494883, -0.9997619390487671] },
    };

    private static Tensor Compute(string name, Tensor x)
    {
        // "bcel pw w Mean" is the loss "bcel pw w" with Reduction.Mean; the softmax cases have no reduction.
        string[] words = name.Split(' ');
        bool hasReduction = Enum.TryParse<Reduction>(words[^1], out var reduction);
        string loss = hasReduction ? string.Join(' ', words[..^1]) : name;
        return loss switch
        {
            "bcel" => F.BinaryCrossEntropyWithLogits(x, Target, reduction: reduction),
            "bcel pw w" => F.BinaryCrossEntropyWithLogits(x, Target, weight: RowWeight, posWeight: PosWeight, reduction: reduction),
            "bce" => F.BinaryCrossEntropy(x.Sigmoid(), Target, reduction: reduction),
            "mse" => F.MseLoss(x, Target, reduction),
            "ce" => F.CrossEntropy(x, Classes, reduction: reduction),
            "ce w" => F.CrossEntropy(x, Classes, weight: PosWeight, reduction: reduction),
            "ce prob" => F.CrossEntropy(x, F.Softmax(Target, 1), reduction: reduction),
            "softmax0" => F.Softmax(x, 0) * Target,
            "logsoftmax1" => F.LogSoftmax(x, 1) * Target,
            _ => throw new ArgumentException($"no case named {name}", nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_loss_and_gradient_match_pytorch(string name, double[] expectedLoss, double[] expectedGrad)
    {
        var x = Input();
        var loss = Compute(name, x);
        ReferenceAssert.Close(expectedLoss, loss, $"{name} value");
        loss.Backward(loss.Numel == 1 ? null : Tensor.OnesLike(loss));
        ReferenceAssert.Close(expectedGrad, x.Grad, $"{name} gradient");
    }

    // Four samples, one with an ignored target, for label smoothing.
    private static Tensor SmoothingInput() => Tensor.From([-2.5f, -0.3f, 0f, 0.7f, 3.1f, 12f, 1f, 2f, 0.5f, -1f, 0f, 0.25f], [4, 3], requiresGrad: true);

    private static readonly Tensor SmoothingClasses = Tensor.From([2L, 0, -100, 1]);

    // Probabilities: the softmax of the rows of SmoothingInput in reverse order.
    private static readonly Tensor SmoothingProbabilities = F.Softmax(Tensor.From([-1f, 0f, 0.25f, 1f, 2f, 0.5f, 0.7f, 3.1f, 12f, -2.5f, -0.3f, 0f], [4, 3]), 1);

    /// <summary>Label smoothing cases: the case name, the loss PyTorch computed, and the gradient of its sum.</summary>
    public static TheoryData<string, double[], double[]> SmoothingCases => new()
    {
        { "ls Mean", [4.066397190093994], [-0.007212284952402115, 0.11324268579483032, -0.10603038966655731, -0.2888847887516022, -0.022176766768097878, 0.3110615313053131, 0.0, 0.0, 0.0, 0.024018678814172745, -0.16319309175014496, 0.13917438685894012] },
        { "ls Sum", [12.199191093444824], [-0.021636858582496643, 0.33972805738449097, -0.31809115409851074, -0.8666542768478394, -0.06653030216693878, 0.9331845641136169, 0.0, 0.0, 0.0, 0.07205603271722794, -0.4895792603492737, 0.4175231456756592] },
        { "ls None", [0.7870970964431763, 10.386816024780273, 0.0, 1.0252782106399536], [-0.021636858582496643, 0.33972805738449097, -0.31809115409851074, -0.8666542768478394, -0.06653030216693878, 0.9331845641136169, 0.0, 0.0, 0.0, 0.07205603271722794, -0.4895792603492737, 0.4175231456756592] },
        { "ls w Mean", [5.2012128829956055], [-0.033676695078611374, 0.13481807708740234, -0.10114136338233948, -0.399994432926178, -0.012438634410500526, 0.41243302822113037, 0.0, 0.0, 0.0, -0.023989494889974594, -0.029296111315488815, 0.05328558757901192] },
        { "ls w Sum", [20.804851531982422], [-0.1347067803144455, 0.5392723083496094, -0.4045654535293579, -1.599977731704712, -0.049754537642002106, 1.6497321128845215, 0.0, 0.0, 0.0, -0.09595797955989838, -0.11718444526195526, 0.21314235031604767] },
        { "ls w None", [1.3856240510940552, 18.5252685546875, 0.0, 0.8939586877822876], [-0.1347067803144455, 0.5392723083496094, -0.4045654535293579, -1.599977731704712, -0.049754537642002106, 1.6497321128845215, 0.0, 0.0, 0.0, -0.09595797955989838, -0.11718444526195526, 0.21314235031604767] },
        { "ls prob Mean", [3.4020724296569824], [-0.06551112234592438, 0.07597757875919342, -0.010466462932527065, -0.12071425467729568, -0.07484165579080582, 0.1955558955669403, 0.06906651705503464, 0.22888007760047913, -0.29794663190841675, 0.0025310306809842587, 0.05738036334514618, -0.059911422431468964] },
        { "ls prob Sum", [13.60828971862793], [-0.2620444893836975, 0.3039103150367737, -0.04186585173010826, -0.48285701870918274, -0.29936662316322327, 0.7822235822677612, 0.27626606822013855, 0.9155203104019165, -1.191786527633667, 0.010124122723937035, 0.22952145338058472, -0.23964568972587585] },
        { "ls prob None", [1.5711727142333984, 8.12218189239502, 2.855146884918213, 1.0597882270812988], [-0.2620444893836975, 0.3039103150367737, -0.04186585173010826, -0.48285701870918274, -0.29936662316322327, 0.7822235822677612, 0.27626606822013855, 0.9155203104019165, -1.191786527633667, 0.010124122723937035, 0.22952145338058472, -0.23964568972587585] },
    };

    [Theory]
    [MemberData(nameof(SmoothingCases))]
    public void Float32_cross_entropy_with_label_smoothing_matches_pytorch(string name, double[] expectedLoss, double[] expectedGrad)
    {
        var x = SmoothingInput();
        string[] words = name.Split(' ');
        var reduction = Enum.Parse<Reduction>(words[^1]);
        var loss = string.Join(' ', words[..^1]) switch
        {
            "ls" => F.CrossEntropy(x, SmoothingClasses, reduction: reduction, labelSmoothing: 0.2),
            "ls w" => F.CrossEntropy(x, SmoothingClasses, PosWeight, reduction, labelSmoothing: 0.3),
            _ => F.CrossEntropy(x, SmoothingProbabilities, PosWeight, reduction, labelSmoothing: 0.1),
        };
        ReferenceAssert.Close(expectedLoss, loss, $"{name} value");
        loss.Backward(loss.Numel == 1 ? null : Tensor.OnesLike(loss));
        ReferenceAssert.Close(expectedGrad, x.Grad, $"{name} gradient");
    }
}

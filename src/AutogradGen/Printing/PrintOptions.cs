namespace AutogradGen.Printing;

/// <summary>
/// PyTorch's default print options (<c>torch.set_printoptions(profile="default")</c>). They are constants
/// because the seeds are printed with the defaults and nothing in AutogradGen changes them.
/// </summary>
internal static class PrintOptions
{
    /// <summary>Digits after the decimal point in fixed and scientific notation.</summary>
    public const int Precision = 4;

    /// <summary>A tensor with more elements than this is summarised with <c>...</c>.</summary>
    public const int Threshold = 1000;

    /// <summary>Elements kept at each end of every dimension of a summarised tensor.</summary>
    public const int EdgeItems = 3;

    /// <summary>Characters per line before a 1-D row or the suffixes wrap.</summary>
    public const int LineWidth = 80;
}

namespace AutogradGen;

/// <summary>
/// How <see cref="Autograd.Functional.Jacobian(Func{Tensor, Tensor}, Tensor, bool, bool, bool, JacobianStrategy)"/>
/// builds a Jacobian (PyTorch's <c>strategy="reverse-mode"</c> / <c>"forward-mode"</c>).
/// </summary>
public enum JacobianStrategy
{
    /// <summary>One backward pass per output element: cheaper when there are fewer outputs than inputs.</summary>
    ReverseMode,

    /// <summary>
    /// One Jacobian-vector product per input element: cheaper when there are more outputs than inputs. PyTorch
    /// computes these with forward-mode AD; this tape has no dual numbers, so each product is the double-backward
    /// trick <see cref="Autograd.Functional.Jvp(Func{Tensor, Tensor}, Tensor, Tensor?, bool, bool)"/> uses, over one
    /// graph built once. As in PyTorch it needs <c>vectorize: true</c> and allows neither <c>strict</c> nor
    /// <c>createGraph</c>.
    /// </summary>
    ForwardMode,
}

# Prints, with PyTorch (1.13.1 was used), the numbers the seed samples and the logistic-regression sample print for the
# same generator seeds: new Generator(n) in C# is torch.Generator().manual_seed(n). The expected files in
# Seeds/Expected agree with this output wherever both print the same thing.
# Run: python3 pytorch_samples.py
import torch
import torch.nn.functional as F
g = torch.Generator().manual_seed(0)
x = torch.randn(3, requires_grad=True, generator=g); print(x); y = x + 2; print(y); z = y*y*2; print(z)
v = torch.tensor([0.1, 1.0, 0.01]); z.backward(v); print(x.grad); print(4*(x.detach()+2)*v)
print("--- seed001")
g = torch.Generator().manual_seed(1)
a = torch.randn(2, 2, generator=g); a = a*3/(a-1)
x = torch.randn(3, requires_grad=True, generator=g); y = x*2; k=1
while y.data.norm() < 1000: y = y*2; k+=1
print(y); v = torch.tensor([0.1, 1.0, 0.0001]); y.backward(v); print(x.grad, k)
print("--- seed003")
g = torch.Generator().manual_seed(3)
x = torch.ones(5); yy = torch.zeros(3)
w = torch.randn(5, 3, requires_grad=True, generator=g); b = torch.randn(3, requires_grad=True, generator=g)
z = torch.matmul(x, w) + b; loss = F.binary_cross_entropy_with_logits(z, yy)
print(z.grad_fn, loss.grad_fn); loss.backward(); print(w.grad); print(b.grad); print(z.detach().sigmoid()/3)
print("--- logistic")
g = torch.Generator().manual_seed(42)
features = torch.randn(200, 2, generator=g)
tw = torch.tensor([2., -3.]).view(2, 1)
noise = torch.randn(200, 1, generator=g) * 0.5
labels = (features.matmul(tw) + 0.5 + noise).gt(0).float()
w = torch.zeros(2, 1, requires_grad=True); b = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w, b], lr=0.5)
for epoch in range(1, 21):
    opt.zero_grad(); loss = F.binary_cross_entropy_with_logits(features.matmul(w) + b, labels); loss.backward(); opt.step()
    print(f"epoch {epoch:2d}  loss {loss.item():.4f}")
with torch.no_grad():
    acc = (features.matmul(w) + b).gt(0).float().eq(labels).float().mean().item()
print(f"accuracy {acc:.4f}"); print("weight", w.detach()); print("bias", b.detach())

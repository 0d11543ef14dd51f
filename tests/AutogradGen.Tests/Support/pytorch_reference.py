# Prints the reference numbers of Functional/PyTorchReferenceTests.cs and Optim/PyTorchReferenceTests.cs.
# They were made with PyTorch 1.13.1 (Debian's python3-torch) on CPU; the tests do not need PyTorch.
# Run: python3 pytorch_reference.py
import torch
import torch.nn.functional as F
def R(t): return " ".join(repr(v) for v in t.detach().reshape(-1).tolist())
x = torch.tensor([-2.5, -0.3, 0., 0.7, 3.1, 12.], requires_grad=True).view(2, 3).detach().requires_grad_(True)
t = torch.tensor([0., 1., 0.25, 1., 0., 0.6]).view(2, 3)
pw = torch.tensor([2., 0.5, 1.5])
w = torch.tensor([1.5, 0.5]).view(2, 1)
def report(name, loss):
    x.grad = None
    loss.backward(None if loss.numel() == 1 else torch.ones_like(loss))
    print(f"{name}: {R(loss)} | grad {R(x.grad)}")
for red, rn in [("mean", "Mean"), ("sum", "Sum"), ("none", "None")]:
    report(f"bcel {rn}", F.binary_cross_entropy_with_logits(x, t, reduction=red))
    report(f"bcel pw w {rn}", F.binary_cross_entropy_with_logits(x, t, weight=w, pos_weight=pw, reduction=red))
    report(f"bce {rn}", F.binary_cross_entropy(x.sigmoid(), t, reduction=red))
    report(f"mse {rn}", F.mse_loss(x, t, reduction=red))
    report(f"ce {rn}", F.cross_entropy(x, torch.tensor([2, 0]), reduction=red))
    report(f"ce w {rn}", F.cross_entropy(x, torch.tensor([2, 0]), weight=pw, reduction=red))
    report(f"ce prob {rn}", F.cross_entropy(x, F.softmax(t, 1), reduction=red))
report("softmax0", F.softmax(x, 0) * t)
report("logsoftmax1", F.log_softmax(x, 1) * t)
for name in ["sgd", "sgd_m", "sgd_n", "sgd_wd_damp", "adam", "adam_wd_ams", "adamw", "adamw_wd_ams"]:
    p = torch.tensor([1., -2., 0.5], requires_grad=True)
    opt = {"sgd": lambda: torch.optim.SGD([p], lr=0.1),
           "sgd_m": lambda: torch.optim.SGD([p], lr=0.1, momentum=0.9),
           "sgd_n": lambda: torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True),
           "sgd_wd_damp": lambda: torch.optim.SGD([p], lr=0.1, momentum=0.8, dampening=0.3, weight_decay=0.05),
           "adam": lambda: torch.optim.Adam([p], lr=0.1),
           "adam_wd_ams": lambda: torch.optim.Adam([p], lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, amsgrad=True),
           "adamw": lambda: torch.optim.AdamW([p], lr=0.1),
           "adamw_wd_ams": lambda: torch.optim.AdamW([p], lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.3, amsgrad=True)}[name]()
    c = torch.tensor([0.3, 0.1, -0.7]); k = torch.tensor([1., 3., 0.5])
    for i in range(5):
        opt.zero_grad()
        (((p - c) ** 2) * k).sum().backward()
        opt.step()
    print(f"{name}: {R(p)}")

# Label smoothing (Float32_cross_entropy_with_label_smoothing_matches_pytorch)
x0 = torch.tensor([-2.5, -0.3, 0., 0.7, 3.1, 12., 1., 2., 0.5, -1., 0., 0.25]).view(4, 3)
t = torch.tensor([2, 0, -100, 1]); w = torch.tensor([2., 0.5, 1.5]); p = F.softmax(x0.flip(0), 1)
for name, f in [("ls", lambda x, r: F.cross_entropy(x, t, reduction=r, label_smoothing=0.2)),
                ("ls w", lambda x, r: F.cross_entropy(x, t, weight=w, reduction=r, label_smoothing=0.3)),
                ("ls prob", lambda x, r: F.cross_entropy(x, p, weight=w, reduction=r, label_smoothing=0.1))]:
    for r, rn in [("mean", "Mean"), ("sum", "Sum"), ("none", "None")]:
        x = x0.clone().requires_grad_(True); l = f(x, r); l.backward(torch.ones_like(l))
        print(f"{name} {rn}: {R(l)} | grad {R(x.grad)}")

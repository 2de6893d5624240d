"""PyTorch modules written at random, as source a person writes: convolutions of every option (groups, dilation,
tuples, `padding='same'`, padding modes, positional or keyword arguments), transposed convolutions, pools, norms,
activations as modules and as functions, residual and concatenated branches, squeeze-and-excitation gates, channel
splits, shuffles, ModuleList loops, TensorFlow's SAME padding written out and heads that flatten, in several styles.
Each seed gives one file and its input (C, H, W); PyTorch builds and runs it, cnncalc reads it
(tests/test_readers_pytorch.py compares them).
Plain `random.Random`: any case is reproduced from its seed, `module_source(seed)`."""
from __future__ import annotations

import random

OPS = ["conv"] * 3 + ["deconv", "maxpool", "avgpool", "fpool", "bn", "act", "fact", "dropout", "residual", "concat",
                      "groupnorm", "adaptive", "upsample", "seq", "pad", "gate", "split", "shuffle", "misc",
                      "module_list", "separable", "skip", "spatial_gate", "norm", "channels_last", "pool_call",
                      "activation", "containers", "layer_scale", "functional_conv", "tensor_ops", "unpool", "resize",
                      "pads", "more_activations", "branches", "arithmetic", "more_norms", "linear_gate", "unflatten",
                      "atrous", "more_deconv", "same_pad"]
ACTIVATIONS = ["nn.ReLU()", "nn.ReLU(inplace=True)", "nn.GELU()", "nn.SiLU()", "nn.Hardswish()", "nn.LeakyReLU(0.1)",
               "nn.Sigmoid()", "nn.Tanh()", "nn.ReLU6()", "nn.ELU()", "nn.GELU(approximate='tanh')"]
FUNCTIONS = ["x = F.relu(x)", "x = torch.relu(x)", "x = x.relu()", "x = torch.sigmoid(x)", "x = F.gelu(x)",
             "x = F.relu(x, inplace=True)", "x = x.sigmoid() * x"]
BILINEAR = "nn.Upsample(scale_factor=2, mode='bilinear', align_corners=False)"


def _divisors(n: int) -> list[int]:
    return [d for d in range(1, n + 1) if n % d == 0]


class _Module:
    """A module being written: its `__init__` lines, its `forward` statements, the channels so far."""

    def __init__(self, rng: random.Random, channels: int) -> None:
        self.rng = rng
        self.c = channels
        self.init: list[str] = []
        self.forward: list[str] = []

    def attr(self, expr: str) -> str:
        """`self.lN`, a new attribute holding `expr`."""
        name = f"self.l{len(self.init)}"
        self.init.append(f"{name} = {expr}")
        return name

    def apply(self, expr: str) -> None:
        self.forward.append(f"x = {self.attr(expr)}(x)")

    def conv(self) -> None:
        rng, c = self.rng, self.c
        cout = rng.randint(1, 12)
        groups = rng.choice([d for d in _divisors(c) if cout % d == 0])
        if rng.random() < 0.2:
            cout = groups = c  # depthwise
        kernel = rng.choice(["1", "2", "3", "5", "(3, 1)", "(1, 3)", "(2, 3)"])
        stride = rng.choice(["1", "1", "2", "(2, 1)"])
        dilation = rng.choice(["1", "1", "2"])
        pad = rng.choice(["0", "1", "2", "(1, 0)", "'valid'"] + (["'same'"] if stride == "1" else []))
        bias = rng.choice(["True", "False"])
        mode = rng.choice(["'zeros'"] * 4 + ["'reflect'", "'replicate'", "'circular'"])
        if rng.random() < 0.5:
            self.apply(f"nn.Conv2d({c}, {cout}, kernel_size={kernel}, stride={stride}, padding={pad}, "
                       f"dilation={dilation}, groups={groups}, bias={bias}, padding_mode={mode})")
        else:
            self.apply(f"nn.Conv2d({c}, {cout}, {kernel}, {stride}, {'0' if pad[0] == chr(39) else pad}, {dilation}, "
                       f"{groups}, {bias})")
        self.c = cout

    def deconv(self) -> None:
        rng = self.rng
        cout, stride, dilation = rng.randint(1, 10), rng.choice([1, 2]), rng.choice([1, 1, 2])
        self.apply(f"nn.ConvTranspose2d({self.c}, {cout}, {rng.choice([1, 2, 3, 4])}, stride={stride}, "
                   f"padding={rng.choice([0, 1])}, output_padding={rng.randint(0, max(stride, dilation) - 1)}, "
                   f"dilation={dilation}, bias={rng.choice([True, False])})")
        self.c = cout

    def pool(self, kind: str) -> None:
        rng = self.rng
        k = rng.choice([2, 3])
        window = f"{k}, stride={rng.choice(['None', '1', '2'])}, padding={rng.randint(0, k // 2)}, " \
                 f"ceil_mode={rng.choice([True, False])}"
        self.apply(f"nn.MaxPool2d({window})" if kind == "maxpool" else
                   f"nn.AvgPool2d({window}, count_include_pad={rng.choice([True, False])})")

    def residual(self) -> None:
        c = self.c
        body = self.attr(f"nn.Sequential(nn.Conv2d({c}, {c}, 3, padding=1, bias=False), nn.BatchNorm2d({c}), "
                         f"nn.ReLU(), nn.Conv2d({c}, {c}, 3, padding=1, bias=False), nn.BatchNorm2d({c}))")
        self.forward.append(self.rng.choice([f"x = F.relu(x + {body}(x))", f"y = {body}(x)\nx = x + y",
                                             f"identity = x\nx = {body}(x)\nx += identity\nx = F.relu(x)"]))

    def concat(self) -> None:
        a, b = self.rng.randint(1, 6), self.rng.randint(1, 6)
        one, three = self.attr(f"nn.Conv2d({self.c}, {a}, 1)"), self.attr(f"nn.Conv2d({self.c}, {b}, 3, padding=1)")
        self.forward.append(self.rng.choice([f"x = torch.cat([{one}(x), {three}(x)], 1)",
                                             f"a = {one}(x)\nb = {three}(x)\nx = torch.cat((a, b), dim=1)"]))
        self.c = a + b

    def gate(self) -> None:
        squeezed = max(1, self.c // 2)
        down, up = self.attr(f"nn.Conv2d({self.c}, {squeezed}, 1)"), self.attr(f"nn.Conv2d({squeezed}, {self.c}, 1)")
        self.forward.append(self.rng.choice([
            f"s = F.adaptive_avg_pool2d(x, 1)\ns = torch.sigmoid({up}(F.relu({down}(s))))\nx = x * s",
            f"s = x.mean((2, 3), keepdim=True)\ns = {up}(torch.relu({down}(s))).sigmoid()\nx = s * x",
            f"s = torch.mean(x, dim=[2, 3], keepdim=True)\nx = x * torch.sigmoid({up}(F.relu({down}(s))))"]))

    def split(self) -> None:
        """Channel splits: halves (chunk, listed sizes, slices, a size unpacked), listed sizes of unequal parts,
        thirds unpacked, a size or a chunk whose last part is smaller (unpacked or read by index); now and then sizes
        PyTorch
        refuses (listed ones that do not add up to the channels, a size
        that makes more parts than names)."""
        rng, c = self.rng, self.c
        if c < 2:
            return
        first = rng.randint(1, c - 1)
        forms = [("a, b = torch.split(x, [{q}, {r}], dim=1)\nx = torch.cat((a, {conv}(b)), dim=1)", first, c - first)]
        if c % 2 == 0:
            forms += [(form, c // 2, c // 2) for form in (
                "a, b = x.chunk(2, dim=1)\nx = torch.cat([a, {conv}(b)], 1)",
                "a, b = torch.split(x, [{q}, {r}], dim=1)\nx = torch.cat((a, {conv}(b)), dim=1)",
                "a = x[:, :{q}]\nb = x[:, {q}:]\nx = torch.cat([{conv}(a), b], 1)",
                "a, b = torch.split(x, {q}, 1)\nx = torch.cat([a, {conv}(b)], 1)",
                "a, b = x.split({q}, dim=1)\nx = torch.cat([{conv}(a), b], 1)")]
        if c % 3 == 0:
            forms.append(("a, b, d = torch.split(x, {q}, dim=1)\nx = torch.cat([a, {conv}(b), d], 1)", c // 3, c // 3))
        if c >= 3 and c % 2:  # parts of q, the last what is left, c - q (two parts: c/2 < q < c); chunks of ⌈c/2⌉
            q = rng.randint(c // 2 + 1, c - 1)
            forms.append(("a, b = x.chunk(2, dim=1)\nx = torch.cat([a, {conv}(b)], 1)", (c + 1) // 2, c // 2))
            forms += [(form, q, c - q) for form in (
                "a, b = torch.split(x, {q}, 1)\nx = torch.cat([a, {conv}(b)], 1)",
                "p = x.split({q}, dim=1)\nx = torch.cat([{conv}(p[1]), p[0]], 1)")]
        if rng.random() < 0.05:  # refused by PyTorch: cnncalc must say an error
            forms = [("a, b = torch.split(x, [{q}, {q}], dim=1)\nx = torch.cat((a, {conv}(b)), dim=1)", first, first)]
            if c >= 5:  # three parts or more, two names: "too many values to unpack"
                forms.append(("a, b = torch.split(x, {q}, 1)\nx = torch.cat([a, {conv}(b)], 1)", (c - 1) // 2,
                              (c - 1) // 2))
        form, q, r = rng.choice(forms)
        conv = self.attr(f"nn.Conv2d({r}, {r}, 3, padding=1)")
        self.forward.append(form.format(q=q, r=r, conv=conv))

    def shuffle(self) -> None:
        if self.c % 4 == 0 and self.rng.random() < 0.5:
            self.apply("nn.PixelShuffle(2)")
            self.c //= 4
        elif self.c % 2 == 0:
            self.apply("nn.ChannelShuffle(2)")
        else:
            self.apply("nn.PixelUnshuffle(2)")
            self.c *= 4

    def misc(self) -> None:
        self.apply(self.rng.choice([
            "nn.LocalResponseNorm(3)", f"nn.InstanceNorm2d({self.c}, affine=True)",
            f"nn.PReLU({self.rng.choice([1, self.c])})", "nn.ReflectionPad2d(1)", "nn.Identity()", "nn.Softmax(dim=1)",
            "nn.MaxPool2d(2, stride=1, dilation=2)", "nn.AvgPool2d(2, divisor_override=3)"]))

    def module_list(self) -> None:
        c = self.c
        blocks = self.attr(f"nn.ModuleList([nn.Sequential(nn.Conv2d({c}, {c}, 3, padding=1, groups={c}), "
                           f"nn.BatchNorm2d({c})) for _ in range({self.rng.randint(1, 3)})])")
        self.forward.append(self.rng.choice([f"for block in {blocks}:\n    x = block(x)",
                                             f"for i, block in enumerate({blocks}):\n    x = x + block(x)"]))

    def separable(self) -> None:
        c, cout = self.c, self.rng.randint(1, 10)
        self.apply(f"nn.Sequential(nn.Conv2d({c}, {c}, 3, 1, 1, groups={c}, bias=False), nn.BatchNorm2d({c}), "
                   f"nn.ReLU6(True), nn.Conv2d({c}, {cout}, 1, bias=False))")
        self.c = cout

    def skip(self) -> None:
        """U-Net's skip: the map kept, a smaller one made, resized back to the kept one's size and joined to it."""
        c, rng = self.c, self.rng
        down = self.attr(f"nn.Conv2d({c}, {c}, 3, stride=2, padding=1)")
        resize = rng.choice(["size=skip.shape[2:]", "size=skip.shape[-2:]", "size=skip.size()[2:]",
                             "size=(skip.size(2), skip.size(3))"])
        mode = rng.choice(["", ", mode='bilinear', align_corners=False", ", mode='nearest'"])
        self.forward.append(f"skip = x\nx = {down}(x)\nx = F.interpolate(x, {resize}{mode})\n" +
                            rng.choice(["x = torch.cat([skip, x], dim=1)", "x = x + skip"]))
        if "cat" in self.forward[-1]:
            self.c = 2 * c

    def spatial_gate(self) -> None:
        """CBAM's spatial attention: the channels' mean and maximum, a 7x7 convolution of the two, a sigmoid."""
        conv = self.attr("nn.Conv2d(2, 1, 7, padding=3, bias=False)")
        self.forward.append(self.rng.choice([
            f"s = torch.cat([torch.mean(x, dim=1, keepdim=True), torch.max(x, dim=1, keepdim=True)[0]], dim=1)\n"
            f"x = x * torch.sigmoid({conv}(s))",
            f"avg = x.mean(1, keepdim=True)\nmx, _ = x.max(1, keepdim=True)\n"
            f"x = x * {conv}(torch.cat((avg, mx), 1)).sigmoid()"]))

    def norm(self) -> None:
        """Batch norms in other forms (not `track_running_stats=False`: on a 1x1 map at batch 1 PyTorch refuses it,
        the batch's one value being each channel's mean, which cnncalc, whose layers do not know the batch, lets
        pass; tests/test_readers_pytorch.py reads it)."""
        c = self.c
        self.apply(self.rng.choice([f"nn.BatchNorm2d({c}, affine=False)", f"nn.BatchNorm2d({c}, momentum=0.01)",
                                    f"nn.BatchNorm2d(num_features={c}, eps=1e-3)", f"nn.InstanceNorm2d({c})"]))

    def channels_last(self) -> None:
        """ConvNeXt's norm: a LayerNorm over the channels of the map read channels last."""
        norm = self.attr(f"nn.LayerNorm({self.c}, eps=1e-6)")
        self.forward.append(self.rng.choice([
            f"x = x.permute(0, 2, 3, 1)\nx = {norm}(x)\nx = x.permute(0, 3, 1, 2).contiguous()",
            f"x = {norm}(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2).contiguous()"]))

    def pool_call(self) -> None:
        """Pools as positional calls and as functions with keywords."""
        rng = self.rng
        k = rng.choice([2, 3])
        way = rng.randrange(3)
        if way == 0:
            self.apply(f"nn.MaxPool2d({k}, {rng.choice([1, 2])}, {rng.randint(0, k // 2)}, 1, False, "
                       f"{rng.choice([True, False])})")
        elif way == 1:
            self.forward.append(f"x = F.max_pool2d(x, kernel_size={k}, stride=2, padding={rng.randint(0, k // 2)}, "
                                f"ceil_mode={rng.choice([True, False])})")
        else:
            self.forward.append(f"x = F.avg_pool2d(x, {k}, 2, {rng.randint(0, k // 2)}, {rng.choice([True, False])}, "
                                f"{rng.choice([True, False])})")

    def activation(self) -> None:
        way = self.rng.choice(["nn.Hardsigmoid()", "nn.Mish()", "nn.Softplus()", "nn.Hardtanh()", "nn.Dropout2d(0.2)",
                               "x = x.clamp(min=0)", "x = F.relu6(x)", "x = F.hardswish(x)", "x = F.silu(x)",
                               "x = F.leaky_relu(x, 0.2)", "x = torch.tanh(x)", "x = F.elu(x)"])
        if way.startswith("x = "):
            self.forward.append(way)
        else:
            self.apply(way)

    def containers(self) -> None:
        """Layers held as Python holds them: an OrderedDict Sequential, a ModuleDict, `add_module`, a list unpacked
        into a Sequential, modules fetched by `getattr`."""
        c, rng = self.c, self.rng
        cout = rng.randint(1, 8)
        way = rng.randrange(4)
        if way == 0:
            self.apply(f"nn.Sequential(OrderedDict([('conv', nn.Conv2d({c}, {cout}, 3, padding=1)), "
                       f"('bn', nn.BatchNorm2d({cout})), ('act', nn.ReLU())]))")
        elif way == 1:
            held = self.attr(f"nn.ModuleDict({{'conv': nn.Conv2d({c}, {cout}, 1), 'act': nn.SiLU()}})")
            self.forward.append(f"x = {held}['act']({held}['conv'](x))")
        elif way == 2:
            self.apply(f"nn.Sequential(*[nn.Conv2d({c} if i == 0 else {cout}, {cout}, 3, padding=1) "
                       f"for i in range(2)])")
        else:
            name = f"extra{len(self.init)}"
            self.init.append(f"self.add_module('{name}', nn.Conv2d({c}, {cout}, 3, padding=1, bias=False))")
            self.forward.append(f"x = getattr(self, '{name}')(x)")
        self.c = cout

    def layer_scale(self) -> None:
        """A learnt scale per channel (ConvNeXt's layer scale, as a Parameter), added back to the map."""
        gamma = self.attr(f"nn.Parameter(1e-6 * torch.ones({self.c}))")
        conv = self.attr(f"nn.Conv2d({self.c}, {self.c}, 3, padding=1, groups={self.c})")
        self.forward.append(self.rng.choice([f"x = x + {gamma}.view(1, -1, 1, 1) * {conv}(x)",
                                             f"x = x + {conv}(x) * {gamma}.reshape(-1, 1, 1)",
                                             f"x = x + {gamma}[:, None, None] * {conv}(x)"]))

    def functional_conv(self) -> None:
        """A convolution by `F.conv2d` of the module's own Parameters."""
        c, cout = self.c, self.rng.randint(1, 8)
        weight = self.attr(f"nn.Parameter(torch.randn({cout}, {c}, 3, 3))")
        bias = self.attr(f"nn.Parameter(torch.zeros({cout}))")
        self.forward.append(f"x = F.conv2d(x, {weight}, {bias}, stride=1, padding=1)")
        self.c = cout

    def tensor_ops(self) -> None:
        """A residual join and a gate written as torch functions and tensor methods."""
        c = self.c
        conv = self.attr(f"nn.Conv2d({c}, {c}, 1)")
        self.forward.append(self.rng.choice([f"x = torch.add(x, {conv}(x))", f"y = {conv}(x)\nx = x.add(y)",
                                             f"x = torch.mul(x, torch.sigmoid({conv}(x)))"]))

    def unpool(self) -> None:
        """A max pool that keeps where its maxima were, and the unpooling that puts them back (SegNet)."""
        k, stride = self.rng.choice([(2, 2), (3, 2), (2, 1), (3, 3)])
        pool = self.attr(f"nn.MaxPool2d({k}, stride={stride}, return_indices=True)")
        unpool = self.attr(f"nn.MaxUnpool2d({k}, stride={stride})")
        self.forward.append(self.rng.choice([f"x, where = {pool}(x)\nx = {unpool}(x, where)",
                                             f"y, where = {pool}(x)\nx = {unpool}(y, where, output_size=x.size())"]))

    def resize(self) -> None:
        """Resizing to a fixed size, by a factor that is not whole or differs along the axes, and a transposed
        convolution given the size it must give (`output_size`)."""
        rng, c = self.rng, self.c
        way = rng.randrange(6)
        if way == 0:
            self.forward.append(f"x = F.interpolate(x, size=({rng.randint(1, 12)}, {rng.randint(1, 12)}))")
        elif way == 1:
            self.forward.append(f"x = F.interpolate(x, scale_factor={rng.choice(['1.5', '0.5', '(2, 1)', '3'])}, "
                                f"mode='nearest')")
        elif way == 2:
            self.apply(rng.choice(["nn.UpsamplingBilinear2d(scale_factor=2)", "nn.UpsamplingNearest2d(scale_factor=2)",
                                   f"nn.Upsample(size=({rng.randint(2, 9)}, {rng.randint(2, 9)}), mode='bilinear')"]))
        elif way == 3:
            self.apply(rng.choice(["nn.AdaptiveAvgPool2d((2, 3))", "nn.AdaptiveMaxPool2d((3, 1))"]))
        elif way == 4:
            self.forward.append(f"x = F.adaptive_max_pool2d(x, ({rng.randint(1, 4)}, {rng.randint(1, 4)}))")
        else:
            down = self.attr(f"nn.Conv2d({c}, {c}, 3, stride=2, padding=1)")
            up = self.attr(f"nn.ConvTranspose2d({c}, {c}, 3, stride=2, padding=1)")
            self.forward.append(f"skip = x\nx = {up}({down}(x), output_size=skip.size())\nx = x + skip")

    def pads(self) -> None:
        """Padding in its other modules and modes."""
        rng = self.rng
        way = rng.choice(["nn.ReplicationPad2d((1, 0, 2, 1))", "nn.ConstantPad2d(1, 0.5)",
                          "nn.ReflectionPad2d((0, 1, 1, 0))", "nn.CircularPad2d(1)", "nn.ZeroPad2d((2, 2, 0, 0))", "",
                          "x = F.pad(x, (1, 1, 1, 1), mode='reflect')", "x = F.pad(x, [0, 2, 1, 0], 'replicate')",
                          "x = F.pad(x, (1, 0, 0, 1), value=1.0)"])
        if way.startswith("x = "):
            self.forward.append(way)
        elif way:
            self.apply(way)

    def more_activations(self) -> None:
        way = self.rng.choice(["nn.SELU()", "nn.CELU()", "nn.Softsign()", "nn.Tanhshrink()", "nn.LogSigmoid()",
                               "nn.Threshold(0.1, 20)", "nn.Hardshrink()", "nn.Softmax2d()", "nn.LogSoftmax(dim=1)",
                               "nn.SiLU(inplace=True)", "nn.LeakyReLU(negative_slope=0.3)",
                               "x = F.softmax(x, dim=1)", "x = F.leaky_relu(x, negative_slope=0.01, inplace=True)",
                               "x = F.hardsigmoid(x) * x", "x = torch.clamp(x, 0, 6)", "x = x.clamp(-1.0, 1.0)",
                               "x = F.dropout(x, p=0.2, training=self.training)", "x = F.mish(x)", "x = F.selu(x)"])
        if way.startswith("x = "):
            self.forward.append(way)
        else:
            self.apply(way)

    def branches(self) -> None:
        """Branches from one map joined otherwise: three concatenated, two added, their maximum, their mean."""
        c, rng = self.c, self.rng
        way = rng.randrange(5)
        a = self.attr(f"nn.Conv2d({c}, {c}, 3, padding=1)")
        b = self.attr(f"nn.Conv2d({c}, {c}, 1)") if way else ""  # (every module made is called)
        if way == 0:
            pool = self.attr("nn.MaxPool2d(3, stride=1, padding=1)")
            self.forward.append(f"x = torch.cat([x, {a}(x), {pool}(x)], 1)")
            self.c = 3 * c
        elif way == 1:
            self.forward.append(f"x = {a}(x) + {b}(x)")
        elif way == 2:
            self.forward.append(f"x = torch.maximum({a}(x), {b}(x))")
        elif way == 3:
            self.forward.append(f"x = torch.stack([{a}(x), {b}(x)]).mean(0)")
        else:
            self.forward.append(f"y = {a}(x)\nz = {b}(x)\nx = torch.cat((y, z, y), dim=1)")
            self.c = 3 * c

    def arithmetic(self) -> None:
        """Arithmetic with numbers and with buffers of constants, calls that keep the map as it is, activation
        checkpointing, one learnt number times the map (mmdetection's Scale, ReZero's alpha)."""
        c, rng = self.c, self.rng
        way = rng.randrange(5)
        if way == 4:
            name = f"alpha{len(self.init)}"
            self.init.append(f"self.{name} = nn.Parameter(" + rng.choice(
                ["torch.zeros(1))", "torch.tensor(1.0))", "torch.FloatTensor([0.5]))", "torch.ones(1) * 0.1)"]))
            if rng.random() < 0.5:
                self.forward.append(f"x = x * self.{name}")
            else:
                self.forward.append(f"x = x + self.{name} * {self.attr(f'nn.Conv2d({c}, {c}, 3, padding=1)')}(x)")
            return
        if way == 0:
            self.forward.append(rng.choice(["x = x * 0.5 + 1.0", "x = 2 * x - 1", "x = x / 2", "x = -x",
                                            "x = x.contiguous()", "x = x.clone()", "x = x.float()", "x = x.mul(0.5)",
                                            "x = -F.relu(x) + x", "x = F.relu_(x)", "x = torch.sigmoid_(x) * x"]))
        elif way == 1:
            name = f"shift{len(self.init)}"
            values = ", ".join(f"{0.1 * (i + 1):.1f}" for i in range(c))
            self.init.append(rng.choice([f"self.register_buffer('{name}', torch.tensor([{values}]).view(1, {c}, 1, 1))",
                                         f"self.register_buffer('{name}', torch.ones(1, {c}, 1, 1), persistent=False)",
                                         f"self.{name} = torch.zeros({c}, 1, 1)"]))
            self.forward.append(f"x = (x - self.{name}) * 2.0")
        else:
            conv = self.attr(f"nn.Conv2d({c}, {c}, 3, padding=1)")
            self.forward.append(f"x = torch.utils.checkpoint.checkpoint({conv}, x, use_reentrant=False)" if way == 2
                                else f"x = torch.utils.checkpoint.checkpoint_sequential([{conv}, nn.ReLU()], 1, x)")

    def more_norms(self) -> None:
        c, rng = self.c, self.rng
        self.apply(rng.choice([f"nn.SyncBatchNorm({c})", f"nn.GroupNorm({c}, {c})",
                               f"nn.InstanceNorm2d({c}, affine=True, track_running_stats=True)",
                               f"nn.GroupNorm(1, {c}, affine=False)",
                               f"nn.BatchNorm2d({c}, affine=False, momentum=None)",
                               f"nn.LocalResponseNorm({rng.randint(1, 5)}, alpha=1e-3, beta=0.5, k=2.0)"]))

    def linear_gate(self) -> None:
        """Squeeze-and-excitation with Linear layers: the pooled channels through two, viewed back as a map's."""
        c, rng = self.c, self.rng
        squeezed = max(1, c // rng.choice([2, 4]))
        fc = self.attr(f"nn.Sequential(nn.Linear({c}, {squeezed}, bias=False), nn.ReLU(inplace=True), "
                       f"nn.Linear({squeezed}, {c}, bias=False), nn.Sigmoid())")
        pool = self.attr("nn.AdaptiveAvgPool2d(1)")
        self.forward.append(rng.choice([
            f"b, c, _, _ = x.size()\ny = {pool}(x).view(b, c)\ny = {fc}(y).view(b, c, 1, 1)\nx = x * y.expand_as(x)",
            f"y = {fc}(x.mean((2, 3)))\nx = x * y[:, :, None, None]",
            f"y = {fc}(torch.flatten({pool}(x), 1))\nx = x * y.unsqueeze(-1).unsqueeze(-1)"]))

    def unflatten(self) -> None:
        """A map made from a vector (a generator's first layer): pooled to 2x2, flattened, a Linear, viewed back."""
        c, rng = self.c, self.rng
        cout = rng.randint(1, 6)
        fc = self.attr(f"nn.Linear({c * 4}, {cout * 9})")
        self.forward.append(f"x = torch.flatten(F.adaptive_avg_pool2d(x, 2), 1)\nx = {fc}(x)\n" + rng.choice([
            f"x = x.view(-1, {cout}, 3, 3)", f"x = x.reshape(x.size(0), {cout}, 3, 3)",
            f"x = {self.attr(f'nn.Unflatten(1, ({cout}, 3, 3))')}(x)"]))
        self.c = cout

    def atrous(self) -> None:
        """DeepLab's pyramid: dilated convolutions side by side and the pooled map resized back, concatenated."""
        c, rng = self.c, self.rng
        cout = rng.randint(1, 6)
        rates = rng.sample([1, 2, 3, 6], rng.randint(1, 3))
        branches = [self.attr(f"nn.Conv2d({c}, {cout}, 3, padding={r}, dilation={r}, bias=False)") for r in rates]
        pooled = self.attr(f"nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d({c}, {cout}, 1))")
        project = self.attr(f"nn.Conv2d({cout * (len(rates) + 1)}, {cout}, 1)")
        parts = ", ".join(f"{b}(x)" for b in branches)
        self.forward.append(f"p = F.interpolate({pooled}(x), size=x.shape[-2:], mode='bilinear', align_corners=False)"
                            f"\nx = {project}(torch.cat([{parts}, p], dim=1))")
        self.c = cout

    def more_deconv(self) -> None:
        """Transposed convolutions with groups, tuples and dilation."""
        rng, c = self.rng, self.c
        groups = rng.choice(_divisors(c))
        cout = groups * rng.randint(1, 3)
        self.apply(f"nn.ConvTranspose2d({c}, {cout}, kernel_size={rng.choice(['(3, 2)', '2', '(1, 3)'])}, "
                   f"stride={rng.choice(['(2, 1)', '2', '(1, 2)'])}, padding={rng.choice(['(1, 0)', '0', '1'])}, "
                   f"groups={groups}, dilation={rng.choice([1, 2])}, bias={rng.choice([True, False])})")
        self.c = cout

    def same_pad(self) -> None:
        """TensorFlow's SAME padding written out, as timm's Conv2dSame and MaxPool2dSame and EfficientNet ports write
        it: F.pad by max((⌈N/S⌉ - 1)·S + K_eff - N, 0), its halves first (the `if` around it or not), then a
        convolution or a max pool (after -inf) of that window and stride without padding of its own."""
        rng, c = self.rng, self.c
        (kh, kw), (sh, sw), (dh, dw) = (rng.choice([(3, 3), (5, 5), (1, 3), (2, 2), (4, 3)]),
                                        rng.choice([(1, 1), (2, 2), (2, 1), (3, 3)]), rng.choice([(1, 1), (2, 1)]))
        pool = rng.random() < 0.3
        pad = f"x = F.pad(x, [pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2]" \
              f"{', value=-float(' + repr('inf') + ')' if pool else ''})"
        self.forward.append(f"ih, iw = x.size()[-2:]\n"
                            f"pad_h = max((math.ceil(ih / {sh}) - 1) * {sh} + ({kh} - 1) * {dh} + 1 - ih, 0)\n"
                            f"pad_w = max(0, {sw} * (math.ceil(iw / {sw}) - 1) + {(kw - 1) * dw + 1} - iw)\n"
                            + (f"if pad_h > 0 or pad_w > 0:\n    {pad}" if rng.random() < 0.5 else pad))
        if pool:
            self.apply(f"nn.MaxPool2d(({kh}, {kw}), stride=({sh}, {sw}), dilation=({dh}, {dw}))")
            return
        cout = rng.randint(1, 8)
        self.apply(f"nn.Conv2d({c}, {cout}, ({kh}, {kw}), stride=({sh}, {sw}), dilation=({dh}, {dw}), "
                   f"bias={rng.choice([True, False])})")
        self.c = cout

    def step(self, op: str) -> None:
        rng, c = self.rng, self.c
        if op in ("maxpool", "avgpool"):
            self.pool(op)
        elif op == "fpool":
            self.forward.append(f"x = {rng.choice(['F.max_pool2d', 'F.avg_pool2d'])}(x, {rng.choice([2, 3])}"
                                f"{rng.choice(['', ', 1', ', stride=2', ', 2, 1'])})")
        elif op == "bn":
            self.apply(f"nn.BatchNorm2d({c})")
        elif op == "act":
            self.apply(rng.choice(ACTIVATIONS))
        elif op == "fact":
            self.forward.append(rng.choice(FUNCTIONS))
        elif op == "dropout":
            self.apply(f"nn.Dropout({rng.choice([0.1, 0.5])})")
        elif op == "groupnorm":
            self.apply(f"nn.GroupNorm({rng.choice(_divisors(c))}, {c})")
        elif op == "adaptive":
            self.apply(rng.choice([f"nn.AdaptiveAvgPool2d(({rng.randint(1, 5)}, {rng.randint(1, 5)}))",
                                   f"nn.AdaptiveMaxPool2d({rng.randint(1, 5)})"]))
        elif op == "upsample":
            way = rng.choice(["nn.Upsample(scale_factor=2)", BILINEAR, ""])
            self.forward.append(f"x = {self.attr(way)}(x)" if way else
                                "x = F.interpolate(x, scale_factor=2, mode='nearest')")
        elif op == "seq":
            cout = rng.randint(1, 8)
            self.apply(f"nn.Sequential(nn.Conv2d({c}, {cout}, 3, stride=2, padding=1), nn.BatchNorm2d({cout}), "
                       f"nn.ReLU(inplace=True))")
            self.c = cout
        elif op == "pad":
            way = rng.choice(["nn.ZeroPad2d(1)", "nn.ZeroPad2d((0, 1, 2, 0))", ""])
            self.forward.append(f"x = {self.attr(way)}(x)" if way else "x = F.pad(x, (1, 2, 0, 1))")
        else:  # conv, deconv, residual, concat, gate, split, shuffle, misc, module_list, separable, skip, …
            getattr(self, op)()

    def head(self) -> None:
        """A classifier on the map, in one of the ways files flatten it (every module it makes is called: PyTorch
        counts the parameters of one that is not, cnncalc says W076)."""
        rng, c, n = self.rng, self.c, self.rng.randint(1, 12)
        way = rng.randrange(4)
        if way == 0:
            self.apply("nn.AdaptiveAvgPool2d(1)")
            self.forward.append("x = torch.flatten(x, 1)")
            self.apply(f"nn.Linear({c}, {n})")
        elif way == 1:
            # (`reshape`: a map PyTorch keeps channels last, as after a permute, cannot be `view`ed flat)
            self.forward.append("x = F.adaptive_avg_pool2d(x, (2, 2))\nx = x.reshape(x.size(0), -1)")
            self.apply(f"nn.Linear({c * 4}, {n})")
        elif way == 2:
            self.forward.append("x = x.mean((2, 3))")
            self.apply(f"nn.Linear({c}, {n})")
        else:
            self.apply("nn.AdaptiveMaxPool2d((1, 1))")
            self.apply("nn.Flatten()")
            self.apply(f"nn.Linear({c}, {n}, bias=False)")
            self.forward.append("x = F.log_softmax(x, dim=1)")

    def text(self) -> str:
        init = "".join(f"        {line}\n" for line in self.init) or "        pass\n"
        forward = "".join(f"        {line}\n" for statement in self.forward for line in statement.split("\n"))
        return ("import math\nfrom collections import OrderedDict\n\nimport torch\nimport torch.nn as nn\n"
                "import torch.nn.functional as F\n\n\n"
                "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n" + init +
                "\n    def forward(self, x):\n" + forward + "        return x\n")


def module_source(seed: int) -> tuple[str, tuple[int, int, int]]:
    """A file defining `Net`, and its input (C, H, W)."""
    rng = random.Random(seed)
    size = (rng.randint(1, 4), rng.randint(6, 40), rng.randint(6, 40))
    module = _Module(rng, size[0])
    for _ in range(rng.randint(1, 7)):
        module.step(rng.choice(OPS))
    if rng.random() < 0.6:
        module.head()
    return module.text(), size

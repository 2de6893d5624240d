"""torchvision's classification models (68 builders), written anew in the Python the PyTorch reader follows, so that a
user's script that builds one (`model = torchvision.models.resnet50(weights="DEFAULT")`, then replaces its
head) reads without torchvision. Architectures as torchvision's documentation and the papers give them
(layer sizes, strides, widths, the published parameter counts the tests check); the code is cnncalc's own.
Every name starts with `tv_` so that a user's classes of the same names stay theirs; `BUILDERS` are the
functions a script may call (`resnet18` is `tv_resnet18`). Pretrained weights change no shape: a builder
given them keeps torchvision's 1,000 classes, as torchvision does."""
from __future__ import annotations

# torchvision's building blocks a model file imports (`from torchvision.ops import SqueezeExcitation`), as their
# documented arguments define them; each is `tv_` and its name here
HELPERS = frozenset({"Conv2dNormActivation", "ConvNormActivation", "SqueezeExcitation", "StochasticDepth", "Permute",
                     "MLP", "FrozenBatchNorm2d", "_make_divisible", "_ovewrite_named_param"})
BUILDERS = frozenset({
    "alexnet", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn",
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d", "resnext101_32x8d",
    "resnext101_64x4d", "wide_resnet50_2", "wide_resnet101_2", "densenet121", "densenet161", "densenet169",
    "densenet201", "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small", "squeezenet1_0", "squeezenet1_1",
    "efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4",
    "efficientnet_b5", "efficientnet_b6", "efficientnet_b7", "googlenet", "inception_v3", "shufflenet_v2_x0_5",
    "shufflenet_v2_x1_0", "shufflenet_v2_x1_5", "shufflenet_v2_x2_0", "mnasnet0_5", "mnasnet0_75", "mnasnet1_0",
    "mnasnet1_3", "convnext_tiny", "convnext_small", "convnext_base", "convnext_large", "efficientnet_v2_s",
    "efficientnet_v2_m", "efficientnet_v2_l", "regnet_y_400mf", "regnet_y_800mf", "regnet_y_1_6gf", "regnet_y_3_2gf",
    "regnet_y_8gf", "regnet_y_16gf", "regnet_y_32gf", "regnet_y_128gf", "regnet_x_400mf", "regnet_x_800mf",
    "regnet_x_1_6gf", "regnet_x_3_2gf", "regnet_x_8gf", "regnet_x_16gf", "regnet_x_32gf",
    "fcn_resnet50", "fcn_resnet101", "deeplabv3_resnet50", "deeplabv3_resnet101", "deeplabv3_mobilenet_v3_large",
    "lraspp_mobilenet_v3_large"})

SOURCE = '''
class tv_Conv2dNormActivation(torch.nn.Sequential):
    def __init__(self, in_channels, out_channels, kernel_size=3, stride=1, padding=None, groups=1,
                 norm_layer=torch.nn.BatchNorm2d, activation_layer=torch.nn.ReLU, dilation=1, inplace=True,
                 bias=None):
        if padding is None:
            if isinstance(kernel_size, int) and isinstance(dilation, int):
                padding = (kernel_size - 1) // 2 * dilation
            else:
                n = len(kernel_size) if isinstance(kernel_size, (list, tuple)) else len(dilation)
                kernel_size = kernel_size if isinstance(kernel_size, (list, tuple)) else [kernel_size] * n
                dilation = dilation if isinstance(dilation, (list, tuple)) else [dilation] * n
                padding = tuple((kernel_size[i] - 1) // 2 * dilation[i] for i in range(n))
        if bias is None:
            bias = norm_layer is None
        layers = [torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation=dilation,
                                  groups=groups, bias=bias)]
        if norm_layer is not None:
            layers.append(norm_layer(out_channels))
        if activation_layer is not None:
            layers.append(activation_layer() if inplace is None else activation_layer(inplace=inplace))
        super().__init__(*layers)


class tv_ConvNormActivation(tv_Conv2dNormActivation):
    pass


class tv_SqueezeExcitation(torch.nn.Module):
    def __init__(self, input_channels, squeeze_channels, activation=torch.nn.ReLU,
                 scale_activation=torch.nn.Sigmoid):
        super().__init__()
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc1 = torch.nn.Conv2d(input_channels, squeeze_channels, 1)
        self.fc2 = torch.nn.Conv2d(squeeze_channels, input_channels, 1)
        self.activation = activation()
        self.scale_activation = scale_activation()

    def forward(self, input):
        scale = self.scale_activation(self.fc2(self.activation(self.fc1(self.avgpool(input)))))
        return scale * input


class tv_Permute(torch.nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.dims = dims

    def forward(self, x):
        return torch.permute(x, self.dims)


class tv_MLP(torch.nn.Sequential):
    # a Linear to each width in turn, each but the last followed by the norm (when given), the activation and a
    # dropout; the last by a dropout alone
    def __init__(self, in_channels, hidden_channels, norm_layer=None, activation_layer=torch.nn.ReLU, inplace=None,
                 bias=True, dropout=0.0):
        extra = {} if inplace is None else {"inplace": inplace}
        layers = []
        widths = [in_channels, *hidden_channels]
        for i in range(len(hidden_channels)):
            layers.append(torch.nn.Linear(widths[i], widths[i + 1], bias=bias))
            if i < len(hidden_channels) - 1:
                if norm_layer is not None:
                    layers.append(norm_layer(widths[i + 1]))
                layers.append(activation_layer(**extra))
            layers.append(torch.nn.Dropout(dropout, **extra))
        super().__init__(*layers)


class tv_FrozenBatchNorm2d(torch.nn.BatchNorm2d):
    # a batch norm whose scale and shift are buffers, fixed as its statistics are: no parameters, in eval mode
    def __init__(self, num_features, eps=1e-5):
        super().__init__(num_features, eps=eps, affine=False)


class tv_StochasticDepth(torch.nn.Module):
    def __init__(self, p, mode):
        super().__init__()

    def forward(self, input):
        return input


def tv__ovewrite_named_param(kwargs, param, new_value):
    if param in kwargs:
        if kwargs[param] != new_value:
            raise ValueError(f"the parameter '{param}' expected value {new_value} but got {kwargs[param]} instead")
    else:
        kwargs[param] = new_value


def tv__make_divisible(v, divisor, min_value=None):
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def tv_classes(weights, num_classes):
    if weights is not None and num_classes != 1000:
        raise ValueError("pretrained weights are for 1,000 classes: build with num_classes=1000, then replace "
                         "the classifier")
    return num_classes


class tv_AlexNet(torch.nn.Module):
    def __init__(self, num_classes=1000, dropout=0.5):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(3, 64, 11, stride=4, padding=2), torch.nn.ReLU(inplace=True),
            torch.nn.MaxPool2d(3, stride=2),
            torch.nn.Conv2d(64, 192, 5, padding=2), torch.nn.ReLU(inplace=True), torch.nn.MaxPool2d(3, stride=2),
            torch.nn.Conv2d(192, 384, 3, padding=1), torch.nn.ReLU(inplace=True),
            torch.nn.Conv2d(384, 256, 3, padding=1), torch.nn.ReLU(inplace=True),
            torch.nn.Conv2d(256, 256, 3, padding=1), torch.nn.ReLU(inplace=True), torch.nn.MaxPool2d(3, stride=2))
        self.avgpool = torch.nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = torch.nn.Sequential(
            torch.nn.Dropout(dropout), torch.nn.Linear(256 * 6 * 6, 4096), torch.nn.ReLU(inplace=True),
            torch.nn.Dropout(dropout), torch.nn.Linear(4096, 4096), torch.nn.ReLU(inplace=True),
            torch.nn.Linear(4096, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


def tv_alexnet(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_AlexNet(num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


tv_VGG_CONFIGS = {
    11: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    13: [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    16: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
    19: [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
}


class tv_VGG(torch.nn.Module):
    def __init__(self, depth, batch_norm, num_classes=1000, dropout=0.5):
        super().__init__()
        layers = []
        channels = 3
        for width in tv_VGG_CONFIGS[depth]:
            if width == "M":
                layers.append(torch.nn.MaxPool2d(2, stride=2))
                continue
            layers.append(torch.nn.Conv2d(channels, width, 3, padding=1))
            if batch_norm:
                layers.append(torch.nn.BatchNorm2d(width))
            layers.append(torch.nn.ReLU(inplace=True))
            channels = width
        self.features = torch.nn.Sequential(*layers)
        self.avgpool = torch.nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = torch.nn.Sequential(
            torch.nn.Linear(512 * 7 * 7, 4096), torch.nn.ReLU(True), torch.nn.Dropout(dropout),
            torch.nn.Linear(4096, 4096), torch.nn.ReLU(True), torch.nn.Dropout(dropout),
            torch.nn.Linear(4096, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


def tv_vgg(depth, batch_norm, weights, num_classes, kwargs):
    return tv_VGG(depth, batch_norm, num_classes=tv_classes(weights, num_classes), **kwargs)


def tv_vgg11(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(11, False, weights or pretrained, num_classes, kwargs)


def tv_vgg11_bn(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(11, True, weights or pretrained, num_classes, kwargs)


def tv_vgg13(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(13, False, weights or pretrained, num_classes, kwargs)


def tv_vgg13_bn(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(13, True, weights or pretrained, num_classes, kwargs)


def tv_vgg16(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(16, False, weights or pretrained, num_classes, kwargs)


def tv_vgg16_bn(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(16, True, weights or pretrained, num_classes, kwargs)


def tv_vgg19(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(19, False, weights or pretrained, num_classes, kwargs)


def tv_vgg19_bn(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_vgg(19, True, weights or pretrained, num_classes, kwargs)


class tv_BasicBlock(torch.nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride, groups, base_width, dilation=1):
        super().__init__()
        if groups != 1 or base_width != 64:
            raise ValueError("BasicBlock only supports groups=1 and base_width=64")
        if dilation > 1:
            raise NotImplementedError("Dilation > 1 not supported in BasicBlock")
        self.conv1 = torch.nn.Conv2d(inplanes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(planes)
        self.relu = torch.nn.ReLU(inplace=True)
        self.conv2 = torch.nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = torch.nn.BatchNorm2d(planes)
        self.downsample = tv_shortcut(inplanes, planes, stride)

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


class tv_Bottleneck(torch.nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride, groups, base_width, dilation=1):
        super().__init__()
        width = int(planes * (base_width / 64.0)) * groups
        self.conv1 = torch.nn.Conv2d(inplanes, width, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(width)
        self.conv2 = torch.nn.Conv2d(width, width, 3, stride=stride, padding=dilation, groups=groups, bias=False,
                                     dilation=dilation)
        self.bn2 = torch.nn.BatchNorm2d(width)
        self.conv3 = torch.nn.Conv2d(width, planes * 4, 1, bias=False)
        self.bn3 = torch.nn.BatchNorm2d(planes * 4)
        self.relu = torch.nn.ReLU(inplace=True)
        self.downsample = tv_shortcut(inplanes, planes * 4, stride)

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(out + identity)


def tv_shortcut(inplanes, outplanes, stride):
    if stride == 1 and inplanes == outplanes:
        return None
    return torch.nn.Sequential(torch.nn.Conv2d(inplanes, outplanes, 1, stride=stride, bias=False),
                               torch.nn.BatchNorm2d(outplanes))


class tv_ResNet(torch.nn.Module):
    def __init__(self, block, layers, num_classes=1000, zero_init_residual=False, groups=1, width_per_group=64,
                 replace_stride_with_dilation=None):
        super().__init__()
        self.inplanes = 64
        self.dilation = 1
        if replace_stride_with_dilation is None:
            replace_stride_with_dilation = [False, False, False]
        if len(replace_stride_with_dilation) != 3:
            raise ValueError("replace_stride_with_dilation should be None or a 3-element tuple")
        dilate = replace_stride_with_dilation
        self.conv1 = torch.nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(64)
        self.relu = torch.nn.ReLU(inplace=True)
        self.maxpool = torch.nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = self.stage(block, 64, layers[0], 1, groups, width_per_group)
        self.layer2 = self.stage(block, 128, layers[1], 2, groups, width_per_group, dilate[0])
        self.layer3 = self.stage(block, 256, layers[2], 2, groups, width_per_group, dilate[1])
        self.layer4 = self.stage(block, 512, layers[3], 2, groups, width_per_group, dilate[2])
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.fc = torch.nn.Linear(512 * block.expansion, num_classes)

    def stage(self, block, planes, count, stride, groups, width_per_group, dilate=False):
        previous_dilation = self.dilation
        if dilate:  # the stride replaced by a dilation, from the stage's second block on
            self.dilation *= stride
            stride = 1
        blocks = []
        for i in range(count):
            blocks.append(block(self.inplanes, planes, stride if i == 0 else 1, groups, width_per_group,
                                previous_dilation if i == 0 else self.dilation))
            self.inplanes = planes * block.expansion
        return torch.nn.Sequential(*blocks)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def tv_resnet(block, layers, weights, num_classes, kwargs):
    return tv_ResNet(block, layers, num_classes=tv_classes(weights, num_classes), **kwargs)


def tv_resnet18(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_BasicBlock, [2, 2, 2, 2], weights or pretrained, num_classes, kwargs)


def tv_resnet34(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_BasicBlock, [3, 4, 6, 3], weights or pretrained, num_classes, kwargs)


def tv_resnet50(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 6, 3], weights or pretrained, num_classes, kwargs)


def tv_resnet101(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 23, 3], weights or pretrained, num_classes, kwargs)


def tv_resnet152(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 8, 36, 3], weights or pretrained, num_classes, kwargs)


def tv_resnext50_32x4d(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 6, 3], weights or pretrained, num_classes,
                     dict(kwargs, groups=32, width_per_group=4))


def tv_resnext101_32x8d(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 23, 3], weights or pretrained, num_classes,
                     dict(kwargs, groups=32, width_per_group=8))


def tv_resnext101_64x4d(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 23, 3], weights or pretrained, num_classes,
                     dict(kwargs, groups=64, width_per_group=4))


def tv_wide_resnet50_2(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 6, 3], weights or pretrained, num_classes,
                     dict(kwargs, width_per_group=128))


def tv_wide_resnet101_2(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_resnet(tv_Bottleneck, [3, 4, 23, 3], weights or pretrained, num_classes,
                     dict(kwargs, width_per_group=128))


class tv_DenseLayer(torch.nn.Module):
    def __init__(self, channels, growth_rate, bn_size):
        super().__init__()
        self.norm1 = torch.nn.BatchNorm2d(channels)
        self.relu1 = torch.nn.ReLU(inplace=True)
        self.conv1 = torch.nn.Conv2d(channels, bn_size * growth_rate, 1, bias=False)
        self.norm2 = torch.nn.BatchNorm2d(bn_size * growth_rate)
        self.relu2 = torch.nn.ReLU(inplace=True)
        self.conv2 = torch.nn.Conv2d(bn_size * growth_rate, growth_rate, 3, padding=1, bias=False)

    def forward(self, x):
        new = self.conv2(self.relu2(self.norm2(self.conv1(self.relu1(self.norm1(x))))))
        return torch.cat([x, new], 1)


class tv_DenseNet(torch.nn.Module):
    def __init__(self, growth_rate, block_config, num_init_features, bn_size=4, num_classes=1000):
        super().__init__()
        layers = [("conv0", torch.nn.Conv2d(3, num_init_features, 7, stride=2, padding=3, bias=False)),
                  ("norm0", torch.nn.BatchNorm2d(num_init_features)), ("relu0", torch.nn.ReLU(inplace=True)),
                  ("pool0", torch.nn.MaxPool2d(3, stride=2, padding=1))]
        channels = num_init_features
        for i, count in enumerate(block_config):
            dense = []
            for j in range(count):
                dense.append((f"denselayer{j + 1}", tv_DenseLayer(channels, growth_rate, bn_size)))
                channels += growth_rate
            layers.append((f"denseblock{i + 1}", torch.nn.Sequential(collections.OrderedDict(dense))))
            if i != len(block_config) - 1:
                layers.append((f"transition{i + 1}", torch.nn.Sequential(collections.OrderedDict([
                    ("norm", torch.nn.BatchNorm2d(channels)), ("relu", torch.nn.ReLU(inplace=True)),
                    ("conv", torch.nn.Conv2d(channels, channels // 2, 1, bias=False)),
                    ("pool", torch.nn.AvgPool2d(2, stride=2))]))))
                channels = channels // 2
        layers.append(("norm5", torch.nn.BatchNorm2d(channels)))
        self.features = torch.nn.Sequential(collections.OrderedDict(layers))
        self.classifier = torch.nn.Linear(channels, num_classes)

    def forward(self, x):
        x = torch.nn.functional.relu(self.features(x), inplace=True)
        return self.classifier(torch.flatten(torch.nn.functional.adaptive_avg_pool2d(x, (1, 1)), 1))


def tv_densenet(growth_rate, block_config, init, weights, num_classes, kwargs):
    return tv_DenseNet(growth_rate, block_config, init, num_classes=tv_classes(weights, num_classes), **kwargs)


def tv_densenet121(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_densenet(32, (6, 12, 24, 16), 64, weights or pretrained, num_classes, kwargs)


def tv_densenet161(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_densenet(48, (6, 12, 36, 24), 96, weights or pretrained, num_classes, kwargs)


def tv_densenet169(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_densenet(32, (6, 12, 32, 32), 64, weights or pretrained, num_classes, kwargs)


def tv_densenet201(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_densenet(32, (6, 12, 48, 32), 64, weights or pretrained, num_classes, kwargs)


def tv_conv_norm_act(inp, out, kernel, stride=1, groups=1, activation=torch.nn.ReLU6, eps=1e-5, dilation=1):
    return tv_Conv2dNormActivation(inp, out, kernel, stride=stride, groups=groups, activation_layer=activation,
                                   norm_layer=functools.partial(torch.nn.BatchNorm2d, eps=eps), dilation=dilation)


class tv_InvertedResidual(torch.nn.Module):
    def __init__(self, inp, out, stride, expand_ratio):
        super().__init__()
        hidden = int(round(inp * expand_ratio))
        self.use_res_connect = stride == 1 and inp == out
        layers = []
        if expand_ratio != 1:
            layers.append(tv_conv_norm_act(inp, hidden, 1))
        layers.append(tv_conv_norm_act(hidden, hidden, 3, stride=stride, groups=hidden))
        layers.append(torch.nn.Conv2d(hidden, out, 1, bias=False))
        layers.append(torch.nn.BatchNorm2d(out))
        self.conv = torch.nn.Sequential(*layers)

    def forward(self, x):
        if self.use_res_connect:
            return x + self.conv(x)
        return self.conv(x)


class tv_MobileNetV2(torch.nn.Module):
    def __init__(self, num_classes=1000, width_mult=1.0, dropout=0.2):
        super().__init__()
        settings = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2], [6, 96, 3, 1], [6, 160, 3, 2],
                    [6, 320, 1, 1]]
        channels = tv__make_divisible(32 * width_mult, 8)
        self.last_channel = tv__make_divisible(1280 * max(1.0, width_mult), 8)
        layers = [tv_conv_norm_act(3, channels, 3, stride=2)]
        for t, c, n, s in settings:
            out = tv__make_divisible(c * width_mult, 8)
            for i in range(n):
                layers.append(tv_InvertedResidual(channels, out, s if i == 0 else 1, t))
                channels = out
        layers.append(tv_conv_norm_act(channels, self.last_channel, 1))
        self.features = torch.nn.Sequential(*layers)
        self.classifier = torch.nn.Sequential(torch.nn.Dropout(p=dropout),
                                              torch.nn.Linear(self.last_channel, num_classes))

    def forward(self, x):
        x = torch.nn.functional.adaptive_avg_pool2d(self.features(x), (1, 1))
        return self.classifier(torch.flatten(x, 1))


def tv_mobilenet_v2(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MobileNetV2(num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_MobileBlockV3(torch.nn.Module):
    def __init__(self, inp, kernel, expanded, out, use_se, activation, stride, dilation=1):
        super().__init__()
        self.use_res_connect = stride == 1 and inp == out
        layers = []
        if expanded != inp:
            layers.append(tv_conv_norm_act(inp, expanded, 1, activation=activation, eps=0.001))
        layers.append(tv_conv_norm_act(expanded, expanded, kernel, stride=1 if dilation > 1 else stride,
                                       groups=expanded, activation=activation, eps=0.001, dilation=dilation))
        if use_se:
            layers.append(tv_SqueezeExcitation(expanded, tv__make_divisible(expanded // 4, 8),
                                               scale_activation=torch.nn.Hardsigmoid))
        layers.append(tv_conv_norm_act(expanded, out, 1, activation=None, eps=0.001))
        self.block = torch.nn.Sequential(*layers)

    def forward(self, x):
        if self.use_res_connect:
            return x + self.block(x)
        return self.block(x)


class tv_MobileNetV3(torch.nn.Module):
    def __init__(self, settings, last_channel, num_classes=1000, dropout=0.2, reduced_tail=False, dilated=False):
        super().__init__()
        first = settings[0][0]
        layers = [tv_conv_norm_act(3, first, 3, stride=2, activation=torch.nn.Hardswish, eps=0.001)]
        settings, last_channel = tv_v3_tail(settings, last_channel, reduced_tail)
        for i, (inp, kernel, expanded, out, use_se, hard, stride) in enumerate(settings):
            activation = torch.nn.Hardswish if hard else torch.nn.ReLU
            dilation = 2 if dilated and i >= len(settings) - 3 else 1  # the last stage (C4), dilated for segmentation
            layers.append(tv_MobileBlockV3(inp, kernel, expanded, out, use_se, activation, stride, dilation))
        last = settings[-1][3]
        layers.append(tv_conv_norm_act(last, 6 * last, 1, activation=torch.nn.Hardswish, eps=0.001))
        self.features = torch.nn.Sequential(*layers)
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.classifier = torch.nn.Sequential(
            torch.nn.Linear(6 * last, last_channel), torch.nn.Hardswish(inplace=True),
            torch.nn.Dropout(p=dropout, inplace=True), torch.nn.Linear(last_channel, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


def tv_v3_tail(settings, last_channel, reduced_tail):
    """The last stage's widths halved (`reduced_tail`): its first block's output, the other two's every width."""
    if not reduced_tail:
        return settings, last_channel
    head, (a, b, c) = settings[:-3], settings[-3:]
    a = a[:3] + [a[3] // 2] + a[4:]
    b, c = [[r[0] // 2, r[1], r[2] // 2, r[3] // 2] + r[4:] for r in (b, c)]
    return head + [a, b, c], last_channel // 2


tv_V3_LARGE = [  # input, kernel, expanded, output, squeeze-and-excitation, hardswish, stride
    [16, 3, 16, 16, False, False, 1], [16, 3, 64, 24, False, False, 2], [24, 3, 72, 24, False, False, 1],
    [24, 5, 72, 40, True, False, 2], [40, 5, 120, 40, True, False, 1], [40, 5, 120, 40, True, False, 1],
    [40, 3, 240, 80, False, True, 2], [80, 3, 200, 80, False, True, 1], [80, 3, 184, 80, False, True, 1],
    [80, 3, 184, 80, False, True, 1], [80, 3, 480, 112, True, True, 1], [112, 3, 672, 112, True, True, 1],
    [112, 5, 672, 160, True, True, 2], [160, 5, 960, 160, True, True, 1], [160, 5, 960, 160, True, True, 1]]
tv_V3_SMALL = [
    [16, 3, 16, 16, True, False, 2], [16, 3, 72, 24, False, False, 2], [24, 3, 88, 24, False, False, 1],
    [24, 5, 96, 40, True, True, 2], [40, 5, 240, 40, True, True, 1], [40, 5, 240, 40, True, True, 1],
    [40, 5, 120, 48, True, True, 1], [48, 5, 144, 48, True, True, 1], [48, 5, 288, 96, True, True, 2],
    [96, 5, 576, 96, True, True, 1], [96, 5, 576, 96, True, True, 1]]


def tv_mobilenet_v3_large(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MobileNetV3(tv_V3_LARGE, 1280, num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_mobilenet_v3_small(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MobileNetV3(tv_V3_SMALL, 1024, num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_Fire(torch.nn.Module):
    def __init__(self, inplanes, squeeze, expand1x1, expand3x3):
        super().__init__()
        self.squeeze = torch.nn.Conv2d(inplanes, squeeze, 1)
        self.squeeze_activation = torch.nn.ReLU(inplace=True)
        self.expand1x1 = torch.nn.Conv2d(squeeze, expand1x1, 1)
        self.expand1x1_activation = torch.nn.ReLU(inplace=True)
        self.expand3x3 = torch.nn.Conv2d(squeeze, expand3x3, 3, padding=1)
        self.expand3x3_activation = torch.nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.squeeze_activation(self.squeeze(x))
        return torch.cat([self.expand1x1_activation(self.expand1x1(x)),
                          self.expand3x3_activation(self.expand3x3(x))], 1)


class tv_SqueezeNet(torch.nn.Module):
    def __init__(self, version="1_0", num_classes=1000, dropout=0.5):
        super().__init__()
        if version == "1_0":
            self.features = torch.nn.Sequential(
                torch.nn.Conv2d(3, 96, 7, stride=2), torch.nn.ReLU(inplace=True),
                torch.nn.MaxPool2d(3, stride=2, ceil_mode=True),
                tv_Fire(96, 16, 64, 64), tv_Fire(128, 16, 64, 64), tv_Fire(128, 32, 128, 128),
                torch.nn.MaxPool2d(3, stride=2, ceil_mode=True),
                tv_Fire(256, 32, 128, 128), tv_Fire(256, 48, 192, 192), tv_Fire(384, 48, 192, 192),
                tv_Fire(384, 64, 256, 256), torch.nn.MaxPool2d(3, stride=2, ceil_mode=True),
                tv_Fire(512, 64, 256, 256))
        else:
            self.features = torch.nn.Sequential(
                torch.nn.Conv2d(3, 64, 3, stride=2), torch.nn.ReLU(inplace=True),
                torch.nn.MaxPool2d(3, stride=2, ceil_mode=True),
                tv_Fire(64, 16, 64, 64), tv_Fire(128, 16, 64, 64), torch.nn.MaxPool2d(3, stride=2, ceil_mode=True),
                tv_Fire(128, 32, 128, 128), tv_Fire(256, 32, 128, 128),
                torch.nn.MaxPool2d(3, stride=2, ceil_mode=True),
                tv_Fire(256, 48, 192, 192), tv_Fire(384, 48, 192, 192), tv_Fire(384, 64, 256, 256),
                tv_Fire(512, 64, 256, 256))
        self.classifier = torch.nn.Sequential(
            torch.nn.Dropout(p=dropout), torch.nn.Conv2d(512, num_classes, 1), torch.nn.ReLU(inplace=True),
            torch.nn.AdaptiveAvgPool2d((1, 1)))

    def forward(self, x):
        return torch.flatten(self.classifier(self.features(x)), 1)


def tv_squeezenet1_0(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_SqueezeNet("1_0", num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_squeezenet1_1(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_SqueezeNet("1_1", num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_MBConv(torch.nn.Module):
    def __init__(self, expand_ratio, kernel, stride, inp, out, eps=1e-5):
        super().__init__()
        self.use_res_connect = stride == 1 and inp == out
        expanded = tv__make_divisible(inp * expand_ratio, 8)
        layers = []
        if expanded != inp:
            layers.append(tv_conv_norm_act(inp, expanded, 1, activation=torch.nn.SiLU, eps=eps))
        layers.append(tv_conv_norm_act(expanded, expanded, kernel, stride=stride, groups=expanded,
                                       activation=torch.nn.SiLU, eps=eps))
        layers.append(tv_SqueezeExcitation(expanded, max(1, inp // 4), activation=torch.nn.SiLU))
        layers.append(tv_conv_norm_act(expanded, out, 1, activation=None, eps=eps))
        self.block = torch.nn.Sequential(*layers)

    def forward(self, x):
        if self.use_res_connect:
            return x + self.block(x)
        return self.block(x)


class tv_EfficientNet(torch.nn.Module):
    def __init__(self, width_mult, depth_mult, dropout, num_classes=1000):
        super().__init__()
        stages = [[1, 3, 1, 32, 16, 1], [6, 3, 2, 16, 24, 2], [6, 5, 2, 24, 40, 2], [6, 3, 2, 40, 80, 3],
                  [6, 5, 1, 80, 112, 3], [6, 5, 2, 112, 192, 4], [6, 3, 1, 192, 320, 1]]
        layers = [tv_conv_norm_act(3, tv__make_divisible(32 * width_mult, 8), 3, stride=2, activation=torch.nn.SiLU)]
        for expand_ratio, kernel, stride, inp, out, count in stages:
            blocks = []
            inp, out = tv__make_divisible(inp * width_mult, 8), tv__make_divisible(out * width_mult, 8)
            for i in range(int(math.ceil(count * depth_mult))):
                blocks.append(tv_MBConv(expand_ratio, kernel, stride if i == 0 else 1, inp if i == 0 else out, out))
            layers.append(torch.nn.Sequential(*blocks))
        last = tv__make_divisible(320 * width_mult, 8)
        layers.append(tv_conv_norm_act(last, 4 * last, 1, activation=torch.nn.SiLU))
        self.features = torch.nn.Sequential(*layers)
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.classifier = torch.nn.Sequential(torch.nn.Dropout(p=dropout, inplace=True),
                                              torch.nn.Linear(4 * last, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


def tv_efficientnet(width_mult, depth_mult, dropout, weights, num_classes, kwargs):
    return tv_EfficientNet(width_mult, depth_mult, dropout, num_classes=tv_classes(weights, num_classes), **kwargs)


def tv_efficientnet_b0(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.0, 1.0, 0.2, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b1(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.0, 1.1, 0.2, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b2(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.1, 1.2, 0.3, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b3(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.2, 1.4, 0.3, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b4(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.4, 1.8, 0.4, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b5(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.6, 2.2, 0.4, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b6(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(1.8, 2.6, 0.5, weights or pretrained, num_classes, kwargs)


def tv_efficientnet_b7(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_efficientnet(2.0, 3.1, 0.5, weights or pretrained, num_classes, kwargs)


class tv_BasicConv2d(torch.nn.Module):
    def __init__(self, inp, out, kernel, stride=1, padding=0):
        super().__init__()
        self.conv = torch.nn.Conv2d(inp, out, kernel, stride=stride, padding=padding, bias=False)
        self.bn = torch.nn.BatchNorm2d(out, eps=0.001)

    def forward(self, x):
        return torch.nn.functional.relu(self.bn(self.conv(x)), inplace=True)


def tv_basic_conv(inp, out, kernel, stride=1, padding=0):
    return tv_BasicConv2d(inp, out, kernel, stride=stride, padding=padding)


class tv_GoogLeNetBlock(torch.nn.Module):
    def __init__(self, inp, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj):
        super().__init__()
        self.branch1 = tv_basic_conv(inp, ch1x1, 1)
        self.branch2 = torch.nn.Sequential(tv_basic_conv(inp, ch3x3red, 1),
                                           tv_basic_conv(ch3x3red, ch3x3, 3, padding=1))
        # torchvision's "5x5" branch convolves 3x3, as its weights were trained
        self.branch3 = torch.nn.Sequential(tv_basic_conv(inp, ch5x5red, 1),
                                           tv_basic_conv(ch5x5red, ch5x5, 3, padding=1))
        self.branch4 = torch.nn.Sequential(torch.nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
                                           tv_basic_conv(inp, pool_proj, 1))

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)


class tv_GoogLeNetAux(torch.nn.Module):
    def __init__(self, inp, num_classes, dropout=0.7):
        super().__init__()
        self.conv = tv_basic_conv(inp, 128, 1)
        self.fc1 = torch.nn.Linear(2048, 1024)
        self.fc2 = torch.nn.Linear(1024, num_classes)
        self.dropout = torch.nn.Dropout(p=dropout)

    def forward(self, x):
        x = self.conv(torch.nn.functional.adaptive_avg_pool2d(x, (4, 4)))
        x = self.dropout(torch.nn.functional.relu(self.fc1(torch.flatten(x, 1)), inplace=True))
        return self.fc2(x)


class tv_GoogLeNet(torch.nn.Module):
    def __init__(self, num_classes=1000, aux_logits=True, transform_input=False, dropout=0.2, dropout_aux=0.7):
        super().__init__()
        self.aux_logits = aux_logits
        self.conv1 = tv_basic_conv(3, 64, 7, stride=2, padding=3)
        self.maxpool1 = torch.nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.conv2 = tv_basic_conv(64, 64, 1)
        self.conv3 = tv_basic_conv(64, 192, 3, padding=1)
        self.maxpool2 = torch.nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.inception3a = tv_GoogLeNetBlock(192, 64, 96, 128, 16, 32, 32)
        self.inception3b = tv_GoogLeNetBlock(256, 128, 128, 192, 32, 96, 64)
        self.maxpool3 = torch.nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.inception4a = tv_GoogLeNetBlock(480, 192, 96, 208, 16, 48, 64)
        self.inception4b = tv_GoogLeNetBlock(512, 160, 112, 224, 24, 64, 64)
        self.inception4c = tv_GoogLeNetBlock(512, 128, 128, 256, 24, 64, 64)
        self.inception4d = tv_GoogLeNetBlock(512, 112, 144, 288, 32, 64, 64)
        self.inception4e = tv_GoogLeNetBlock(528, 256, 160, 320, 32, 128, 128)
        self.maxpool4 = torch.nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.inception5a = tv_GoogLeNetBlock(832, 256, 160, 320, 32, 128, 128)
        self.inception5b = tv_GoogLeNetBlock(832, 384, 192, 384, 48, 128, 128)
        self.aux1 = tv_GoogLeNetAux(512, num_classes, dropout_aux) if aux_logits else None
        self.aux2 = tv_GoogLeNetAux(528, num_classes, dropout_aux) if aux_logits else None
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.dropout = torch.nn.Dropout(p=dropout)
        self.fc = torch.nn.Linear(1024, num_classes)

    def forward(self, x):
        x = self.maxpool1(self.conv1(x))
        x = self.maxpool2(self.conv3(self.conv2(x)))
        x = self.maxpool3(self.inception3b(self.inception3a(x)))
        x = self.inception4a(x)
        if self.training:  # the auxiliary classifiers: training-only heads
            if self.aux1 is not None:
                aux1 = self.aux1(x)
        x = self.inception4d(self.inception4c(self.inception4b(x)))
        if self.training:
            if self.aux2 is not None:
                aux2 = self.aux2(x)
        x = self.maxpool4(self.inception4e(x))
        x = self.inception5b(self.inception5a(x))
        return self.fc(self.dropout(torch.flatten(self.avgpool(x), 1)))


def tv_googlenet(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    # with pretrained weights torchvision drops the auxiliary classifiers after loading them
    if (weights or pretrained) is not None:
        kwargs["aux_logits"] = False
    return tv_GoogLeNet(num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_InceptionA(torch.nn.Module):
    def __init__(self, inp, pool_features):
        super().__init__()
        self.branch1x1 = tv_basic_conv(inp, 64, 1)
        self.branch5x5_1 = tv_basic_conv(inp, 48, 1)
        self.branch5x5_2 = tv_basic_conv(48, 64, 5, padding=2)
        self.branch3x3dbl_1 = tv_basic_conv(inp, 64, 1)
        self.branch3x3dbl_2 = tv_basic_conv(64, 96, 3, padding=1)
        self.branch3x3dbl_3 = tv_basic_conv(96, 96, 3, padding=1)
        self.branch_pool = tv_basic_conv(inp, pool_features, 1)

    def forward(self, x):
        pool = self.branch_pool(torch.nn.functional.avg_pool2d(x, kernel_size=3, stride=1, padding=1))
        return torch.cat([self.branch1x1(x), self.branch5x5_2(self.branch5x5_1(x)),
                          self.branch3x3dbl_3(self.branch3x3dbl_2(self.branch3x3dbl_1(x))), pool], 1)


class tv_InceptionB(torch.nn.Module):
    def __init__(self, inp):
        super().__init__()
        self.branch3x3 = tv_basic_conv(inp, 384, 3, stride=2)
        self.branch3x3dbl_1 = tv_basic_conv(inp, 64, 1)
        self.branch3x3dbl_2 = tv_basic_conv(64, 96, 3, padding=1)
        self.branch3x3dbl_3 = tv_basic_conv(96, 96, 3, stride=2)

    def forward(self, x):
        return torch.cat([self.branch3x3(x), self.branch3x3dbl_3(self.branch3x3dbl_2(self.branch3x3dbl_1(x))),
                          torch.nn.functional.max_pool2d(x, kernel_size=3, stride=2)], 1)


class tv_InceptionC(torch.nn.Module):
    def __init__(self, inp, c7):
        super().__init__()
        self.branch1x1 = tv_basic_conv(inp, 192, 1)
        self.branch7x7_1 = tv_basic_conv(inp, c7, 1)
        self.branch7x7_2 = tv_basic_conv(c7, c7, (1, 7), padding=(0, 3))
        self.branch7x7_3 = tv_basic_conv(c7, 192, (7, 1), padding=(3, 0))
        self.branch7x7dbl_1 = tv_basic_conv(inp, c7, 1)
        self.branch7x7dbl_2 = tv_basic_conv(c7, c7, (7, 1), padding=(3, 0))
        self.branch7x7dbl_3 = tv_basic_conv(c7, c7, (1, 7), padding=(0, 3))
        self.branch7x7dbl_4 = tv_basic_conv(c7, c7, (7, 1), padding=(3, 0))
        self.branch7x7dbl_5 = tv_basic_conv(c7, 192, (1, 7), padding=(0, 3))
        self.branch_pool = tv_basic_conv(inp, 192, 1)

    def forward(self, x):
        b7 = self.branch7x7_3(self.branch7x7_2(self.branch7x7_1(x)))
        d = self.branch7x7dbl_3(self.branch7x7dbl_2(self.branch7x7dbl_1(x)))
        d = self.branch7x7dbl_5(self.branch7x7dbl_4(d))
        pool = self.branch_pool(torch.nn.functional.avg_pool2d(x, kernel_size=3, stride=1, padding=1))
        return torch.cat([self.branch1x1(x), b7, d, pool], 1)


class tv_InceptionD(torch.nn.Module):
    def __init__(self, inp):
        super().__init__()
        self.branch3x3_1 = tv_basic_conv(inp, 192, 1)
        self.branch3x3_2 = tv_basic_conv(192, 320, 3, stride=2)
        self.branch7x7x3_1 = tv_basic_conv(inp, 192, 1)
        self.branch7x7x3_2 = tv_basic_conv(192, 192, (1, 7), padding=(0, 3))
        self.branch7x7x3_3 = tv_basic_conv(192, 192, (7, 1), padding=(3, 0))
        self.branch7x7x3_4 = tv_basic_conv(192, 192, 3, stride=2)

    def forward(self, x):
        b7 = self.branch7x7x3_4(self.branch7x7x3_3(self.branch7x7x3_2(self.branch7x7x3_1(x))))
        return torch.cat([self.branch3x3_2(self.branch3x3_1(x)), b7,
                          torch.nn.functional.max_pool2d(x, kernel_size=3, stride=2)], 1)


class tv_InceptionE(torch.nn.Module):
    def __init__(self, inp):
        super().__init__()
        self.branch1x1 = tv_basic_conv(inp, 320, 1)
        self.branch3x3_1 = tv_basic_conv(inp, 384, 1)
        self.branch3x3_2a = tv_basic_conv(384, 384, (1, 3), padding=(0, 1))
        self.branch3x3_2b = tv_basic_conv(384, 384, (3, 1), padding=(1, 0))
        self.branch3x3dbl_1 = tv_basic_conv(inp, 448, 1)
        self.branch3x3dbl_2 = tv_basic_conv(448, 384, 3, padding=1)
        self.branch3x3dbl_3a = tv_basic_conv(384, 384, (1, 3), padding=(0, 1))
        self.branch3x3dbl_3b = tv_basic_conv(384, 384, (3, 1), padding=(1, 0))
        self.branch_pool = tv_basic_conv(inp, 192, 1)

    def forward(self, x):
        a = self.branch3x3_1(x)
        b = self.branch3x3dbl_2(self.branch3x3dbl_1(x))
        pool = self.branch_pool(torch.nn.functional.avg_pool2d(x, kernel_size=3, stride=1, padding=1))
        return torch.cat([self.branch1x1(x), torch.cat([self.branch3x3_2a(a), self.branch3x3_2b(a)], 1),
                          torch.cat([self.branch3x3dbl_3a(b), self.branch3x3dbl_3b(b)], 1), pool], 1)


class tv_InceptionAux(torch.nn.Module):
    def __init__(self, inp, num_classes):
        super().__init__()
        self.conv0 = tv_basic_conv(inp, 128, 1)
        self.conv1 = tv_basic_conv(128, 768, 5)
        self.fc = torch.nn.Linear(768, num_classes)

    def forward(self, x):
        x = self.conv1(self.conv0(torch.nn.functional.avg_pool2d(x, kernel_size=5, stride=3)))
        return self.fc(torch.flatten(torch.nn.functional.adaptive_avg_pool2d(x, (1, 1)), 1))


class tv_Inception3(torch.nn.Module):
    def __init__(self, num_classes=1000, aux_logits=True, transform_input=False, dropout=0.5):
        super().__init__()
        self.Conv2d_1a_3x3 = tv_basic_conv(3, 32, 3, stride=2)
        self.Conv2d_2a_3x3 = tv_basic_conv(32, 32, 3)
        self.Conv2d_2b_3x3 = tv_basic_conv(32, 64, 3, padding=1)
        self.maxpool1 = torch.nn.MaxPool2d(3, stride=2)
        self.Conv2d_3b_1x1 = tv_basic_conv(64, 80, 1)
        self.Conv2d_4a_3x3 = tv_basic_conv(80, 192, 3)
        self.maxpool2 = torch.nn.MaxPool2d(3, stride=2)
        self.Mixed_5b = tv_InceptionA(192, 32)
        self.Mixed_5c = tv_InceptionA(256, 64)
        self.Mixed_5d = tv_InceptionA(288, 64)
        self.Mixed_6a = tv_InceptionB(288)
        self.Mixed_6b = tv_InceptionC(768, 128)
        self.Mixed_6c = tv_InceptionC(768, 160)
        self.Mixed_6d = tv_InceptionC(768, 160)
        self.Mixed_6e = tv_InceptionC(768, 192)
        self.AuxLogits = tv_InceptionAux(768, num_classes) if aux_logits else None
        self.Mixed_7a = tv_InceptionD(768)
        self.Mixed_7b = tv_InceptionE(1280)
        self.Mixed_7c = tv_InceptionE(2048)
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.dropout = torch.nn.Dropout(p=dropout)
        self.fc = torch.nn.Linear(2048, num_classes)

    def forward(self, x):
        x = self.maxpool1(self.Conv2d_2b_3x3(self.Conv2d_2a_3x3(self.Conv2d_1a_3x3(x))))
        x = self.maxpool2(self.Conv2d_4a_3x3(self.Conv2d_3b_1x1(x)))
        x = self.Mixed_5d(self.Mixed_5c(self.Mixed_5b(x)))
        x = self.Mixed_6e(self.Mixed_6d(self.Mixed_6c(self.Mixed_6b(self.Mixed_6a(x)))))
        if self.training:  # the auxiliary classifier: a training-only head
            if self.AuxLogits is not None:
                aux = self.AuxLogits(x)
        x = self.Mixed_7c(self.Mixed_7b(self.Mixed_7a(x)))
        return self.fc(torch.flatten(self.dropout(self.avgpool(x)), 1))


def tv_inception_v3(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_Inception3(num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_ShuffleUnit(torch.nn.Module):
    def __init__(self, inp, out, stride):
        super().__init__()
        half = out // 2
        self.stride = stride
        if stride > 1:
            self.branch1 = torch.nn.Sequential(
                torch.nn.Conv2d(inp, inp, 3, stride=stride, padding=1, groups=inp, bias=False),
                torch.nn.BatchNorm2d(inp), torch.nn.Conv2d(inp, half, 1, bias=False), torch.nn.BatchNorm2d(half),
                torch.nn.ReLU(inplace=True))
        self.branch2 = torch.nn.Sequential(
            torch.nn.Conv2d(inp if stride > 1 else half, half, 1, bias=False), torch.nn.BatchNorm2d(half),
            torch.nn.ReLU(inplace=True),
            torch.nn.Conv2d(half, half, 3, stride=stride, padding=1, groups=half, bias=False),
            torch.nn.BatchNorm2d(half), torch.nn.Conv2d(half, half, 1, bias=False), torch.nn.BatchNorm2d(half),
            torch.nn.ReLU(inplace=True))

    def forward(self, x):
        if self.stride == 1:
            x1, x2 = x.chunk(2, dim=1)
            out = torch.cat((x1, self.branch2(x2)), 1)
        else:
            out = torch.cat((self.branch1(x), self.branch2(x)), 1)
        return torch.nn.functional.channel_shuffle(out, 2)


class tv_ShuffleNetV2(torch.nn.Module):
    def __init__(self, widths, num_classes=1000):
        super().__init__()
        self.conv1 = torch.nn.Sequential(torch.nn.Conv2d(3, widths[0], 3, stride=2, padding=1, bias=False),
                                         torch.nn.BatchNorm2d(widths[0]), torch.nn.ReLU(inplace=True))
        self.maxpool = torch.nn.MaxPool2d(3, stride=2, padding=1)
        channels = widths[0]
        stages = []
        for repeats, out in zip([4, 8, 4], widths[1:4]):
            units = [tv_ShuffleUnit(channels, out, 2)]
            for _ in range(repeats - 1):
                units.append(tv_ShuffleUnit(out, out, 1))
            stages.append(torch.nn.Sequential(*units))
            channels = out
        self.stage2, self.stage3, self.stage4 = stages
        self.conv5 = torch.nn.Sequential(torch.nn.Conv2d(channels, widths[4], 1, bias=False),
                                         torch.nn.BatchNorm2d(widths[4]), torch.nn.ReLU(inplace=True))
        self.fc = torch.nn.Linear(widths[4], num_classes)

    def forward(self, x):
        x = self.stage4(self.stage3(self.stage2(self.maxpool(self.conv1(x)))))
        return self.fc(self.conv5(x).mean([2, 3]))


def tv_shufflenet_v2_x0_5(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_ShuffleNetV2([24, 48, 96, 192, 1024], num_classes=tv_classes(weights or pretrained, num_classes),
                           **kwargs)


def tv_shufflenet_v2_x1_0(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_ShuffleNetV2([24, 116, 232, 464, 1024], num_classes=tv_classes(weights or pretrained, num_classes),
                           **kwargs)


def tv_shufflenet_v2_x1_5(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_ShuffleNetV2([24, 176, 352, 704, 1024], num_classes=tv_classes(weights or pretrained, num_classes),
                           **kwargs)


def tv_shufflenet_v2_x2_0(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_ShuffleNetV2([24, 244, 488, 976, 2048], num_classes=tv_classes(weights or pretrained, num_classes),
                           **kwargs)


class tv_MnasBlock(torch.nn.Module):
    def __init__(self, inp, out, kernel, stride, expansion):
        super().__init__()
        mid = inp * expansion
        self.apply_residual = inp == out and stride == 1
        self.layers = torch.nn.Sequential(
            torch.nn.Conv2d(inp, mid, 1, bias=False), torch.nn.BatchNorm2d(mid), torch.nn.ReLU(inplace=True),
            torch.nn.Conv2d(mid, mid, kernel, padding=kernel // 2, stride=stride, groups=mid, bias=False),
            torch.nn.BatchNorm2d(mid), torch.nn.ReLU(inplace=True), torch.nn.Conv2d(mid, out, 1, bias=False),
            torch.nn.BatchNorm2d(out))

    def forward(self, x):
        if self.apply_residual:
            return self.layers(x) + x
        return self.layers(x)


class tv_MNASNet(torch.nn.Module):
    def __init__(self, alpha, num_classes=1000, dropout=0.2):
        super().__init__()
        d = [tv__make_divisible(c * alpha, 8) for c in [32, 16, 24, 40, 80, 96, 192, 320]]
        layers = [torch.nn.Conv2d(3, d[0], 3, padding=1, stride=2, bias=False), torch.nn.BatchNorm2d(d[0]),
                  torch.nn.ReLU(inplace=True),
                  torch.nn.Conv2d(d[0], d[0], 3, padding=1, groups=d[0], bias=False), torch.nn.BatchNorm2d(d[0]),
                  torch.nn.ReLU(inplace=True), torch.nn.Conv2d(d[0], d[1], 1, bias=False), torch.nn.BatchNorm2d(d[1])]
        for i, (kernel, stride, expansion, repeats) in enumerate(
                [(3, 2, 3, 3), (5, 2, 3, 3), (5, 2, 6, 3), (3, 1, 6, 2), (5, 2, 6, 4), (3, 1, 6, 1)]):
            blocks = [tv_MnasBlock(d[i + 1], d[i + 2], kernel, stride, expansion)]
            for _ in range(repeats - 1):
                blocks.append(tv_MnasBlock(d[i + 2], d[i + 2], kernel, 1, expansion))
            layers.append(torch.nn.Sequential(*blocks))
        layers += [torch.nn.Conv2d(d[7], 1280, 1, bias=False), torch.nn.BatchNorm2d(1280), torch.nn.ReLU(inplace=True)]
        self.layers = torch.nn.Sequential(*layers)
        self.classifier = torch.nn.Sequential(torch.nn.Dropout(p=dropout, inplace=True),
                                              torch.nn.Linear(1280, num_classes))

    def forward(self, x):
        return self.classifier(self.layers(x).mean([2, 3]))


def tv_mnasnet0_5(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MNASNet(0.5, num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_mnasnet0_75(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MNASNet(0.75, num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_mnasnet1_0(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MNASNet(1.0, num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_mnasnet1_3(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_MNASNet(1.3, num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_LayerNorm2d(torch.nn.LayerNorm):
    """nn.LayerNorm over a map's channels at each position (the reader knows it: `layernorm`)."""


class tv_CNBlock(torch.nn.Module):
    def __init__(self, dim, layer_scale, sd_prob):
        super().__init__()
        self.block = torch.nn.Sequential(
            torch.nn.Conv2d(dim, dim, 7, padding=3, groups=dim), tv_Permute([0, 2, 3, 1]),
            torch.nn.LayerNorm(dim, eps=1e-6), torch.nn.Linear(dim, 4 * dim), torch.nn.GELU(),
            torch.nn.Linear(4 * dim, dim), tv_Permute([0, 3, 1, 2]))
        self.layer_scale = torch.nn.Parameter(torch.ones(dim, 1, 1) * layer_scale)
        self.stochastic_depth = tv_StochasticDepth(sd_prob, "row")

    def forward(self, x):
        return self.stochastic_depth(self.layer_scale * self.block(x)) + x


class tv_ConvNeXt(torch.nn.Module):
    def __init__(self, widths, depths, stochastic_depth_prob, num_classes=1000, layer_scale=1e-6):
        super().__init__()
        layers = [torch.nn.Sequential(torch.nn.Conv2d(3, widths[0], 4, stride=4), tv_LayerNorm2d(widths[0], eps=1e-6))]
        for i, (width, depth) in enumerate(zip(widths, depths)):
            layers.append(torch.nn.Sequential(*[tv_CNBlock(width, layer_scale, stochastic_depth_prob)
                                                for _ in range(depth)]))
            if i + 1 < len(widths):
                layers.append(torch.nn.Sequential(tv_LayerNorm2d(width, eps=1e-6),
                                                  torch.nn.Conv2d(width, widths[i + 1], 2, stride=2)))
        self.features = torch.nn.Sequential(*layers)
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.classifier = torch.nn.Sequential(tv_LayerNorm2d(widths[-1], eps=1e-6), torch.nn.Flatten(1),
                                              torch.nn.Linear(widths[-1], num_classes))

    def forward(self, x):
        return self.classifier(self.avgpool(self.features(x)))


def tv_convnext(widths, depths, sd_prob, weights, num_classes, kwargs):
    return tv_ConvNeXt(widths, depths, kwargs.pop("stochastic_depth_prob", sd_prob),
                       num_classes=tv_classes(weights, num_classes), **kwargs)


def tv_convnext_tiny(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_convnext([96, 192, 384, 768], [3, 3, 9, 3], 0.1, weights or pretrained, num_classes, kwargs)


def tv_convnext_small(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_convnext([96, 192, 384, 768], [3, 3, 27, 3], 0.4, weights or pretrained, num_classes, kwargs)


def tv_convnext_base(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_convnext([128, 256, 512, 1024], [3, 3, 27, 3], 0.5, weights or pretrained, num_classes, kwargs)


def tv_convnext_large(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_convnext([192, 384, 768, 1536], [3, 3, 27, 3], 0.5, weights or pretrained, num_classes, kwargs)


class tv_FusedMBConv(torch.nn.Module):
    def __init__(self, expand_ratio, kernel, stride, inp, out, eps):
        super().__init__()
        self.use_res_connect = stride == 1 and inp == out
        expanded = tv__make_divisible(inp * expand_ratio, 8)
        if expanded != inp:  # the expansion and the depthwise convolution fused into one
            layers = [tv_conv_norm_act(inp, expanded, kernel, stride=stride, activation=torch.nn.SiLU, eps=eps),
                      tv_conv_norm_act(expanded, out, 1, activation=None, eps=eps)]
        else:
            layers = [tv_conv_norm_act(inp, out, kernel, stride=stride, activation=torch.nn.SiLU, eps=eps)]
        self.block = torch.nn.Sequential(*layers)

    def forward(self, x):
        if self.use_res_connect:
            return x + self.block(x)
        return self.block(x)


class tv_EfficientNetV2(torch.nn.Module):
    def __init__(self, stages, dropout, num_classes=1000):
        super().__init__()
        layers = [tv_conv_norm_act(3, stages[0][4], 3, stride=2, activation=torch.nn.SiLU, eps=0.001)]
        for fused, expand_ratio, kernel, stride, inp, out, count in stages:
            block = tv_FusedMBConv if fused else tv_MBConv
            layers.append(torch.nn.Sequential(*[block(expand_ratio, kernel, stride if i == 0 else 1,
                                                      inp if i == 0 else out, out, eps=0.001)
                                                for i in range(count)]))
        last = stages[-1][5]
        layers.append(tv_conv_norm_act(last, 1280, 1, activation=torch.nn.SiLU, eps=0.001))
        self.features = torch.nn.Sequential(*layers)
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.classifier = torch.nn.Sequential(torch.nn.Dropout(p=dropout, inplace=True),
                                              torch.nn.Linear(1280, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


tv_V2_S = [  # fused, expansion, kernel, stride, input, output, blocks
    [True, 1, 3, 1, 24, 24, 2], [True, 4, 3, 2, 24, 48, 4], [True, 4, 3, 2, 48, 64, 4], [False, 4, 3, 2, 64, 128, 6],
    [False, 6, 3, 1, 128, 160, 9], [False, 6, 3, 2, 160, 256, 15]]
tv_V2_M = [
    [True, 1, 3, 1, 24, 24, 3], [True, 4, 3, 2, 24, 48, 5], [True, 4, 3, 2, 48, 80, 5], [False, 4, 3, 2, 80, 160, 7],
    [False, 6, 3, 1, 160, 176, 14], [False, 6, 3, 2, 176, 304, 18], [False, 6, 3, 1, 304, 512, 5]]
tv_V2_L = [
    [True, 1, 3, 1, 32, 32, 4], [True, 4, 3, 2, 32, 64, 7], [True, 4, 3, 2, 64, 96, 7], [False, 4, 3, 2, 96, 192, 10],
    [False, 6, 3, 1, 192, 224, 19], [False, 6, 3, 2, 224, 384, 25], [False, 6, 3, 1, 384, 640, 7]]


def tv_efficientnet_v2_s(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_EfficientNetV2(tv_V2_S, kwargs.pop("dropout", 0.2),
                             num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_efficientnet_v2_m(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_EfficientNetV2(tv_V2_M, kwargs.pop("dropout", 0.3),
                             num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


def tv_efficientnet_v2_l(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_EfficientNetV2(tv_V2_L, kwargs.pop("dropout", 0.4),
                             num_classes=tv_classes(weights or pretrained, num_classes), **kwargs)


class tv_RegNetBottleneck(torch.nn.Sequential):
    def __init__(self, width_in, width_out, stride, group_width, bottleneck_multiplier, se_ratio):
        inner = int(round(width_out * bottleneck_multiplier))
        layers = [("a", tv_Conv2dNormActivation(width_in, inner, kernel_size=1)),
                  ("b", tv_Conv2dNormActivation(inner, inner, kernel_size=3, stride=stride,
                                                groups=inner // group_width))]
        if se_ratio:  # the squeeze is a fraction of the block's input width
            layers.append(("se", tv_SqueezeExcitation(inner, int(round(se_ratio * width_in)))))
        layers.append(("c", tv_Conv2dNormActivation(inner, width_out, kernel_size=1, activation_layer=None)))
        super().__init__(collections.OrderedDict(layers))


class tv_RegNetBlock(torch.nn.Module):
    def __init__(self, width_in, width_out, stride, group_width, bottleneck_multiplier, se_ratio):
        super().__init__()
        self.proj = None
        if width_in != width_out or stride != 1:
            self.proj = tv_Conv2dNormActivation(width_in, width_out, kernel_size=1, stride=stride,
                                                activation_layer=None)
        self.f = tv_RegNetBottleneck(width_in, width_out, stride, group_width, bottleneck_multiplier, se_ratio)
        self.activation = torch.nn.ReLU(inplace=True)

    def forward(self, x):
        shortcut = x if self.proj is None else self.proj(x)
        return self.activation(shortcut + self.f(x))


def tv_regnet_stages(depth, w_0, w_a, w_m, group_width, bottleneck_multiplier=1.0):
    # the quantised linear widths of the design space, then stage widths the groups divide
    linear = torch.arange(depth) * w_a + w_0
    steps = torch.round(torch.log(linear / w_0) / math.log(w_m))
    widths = (torch.round(torch.divide(w_0 * torch.pow(w_m, steps), 8)) * 8).int().tolist()
    starts = [i for i in range(depth) if i == 0 or widths[i] != widths[i - 1]] + [depth]
    depths = torch.diff(torch.tensor(starts)).int().tolist()
    stages = []
    for i in range(len(depths)):
        inner = int(widths[starts[i]] * bottleneck_multiplier)
        group = min(group_width, inner)
        stages.append((int(tv__make_divisible(inner, group) / bottleneck_multiplier), depths[i], group))
    return stages


class tv_RegNet(torch.nn.Module):
    def __init__(self, stages, se_ratio, num_classes=1000, bottleneck_multiplier=1.0):
        super().__init__()
        self.stem = tv_Conv2dNormActivation(3, 32, kernel_size=3, stride=2)
        blocks = []
        width = 32
        for i, (width_out, depth, group_width) in enumerate(stages):
            stage = torch.nn.Sequential()
            for j in range(depth):
                stage.add_module(f"block{i + 1}-{j}", tv_RegNetBlock(width if j == 0 else width_out, width_out,
                                                                     2 if j == 0 else 1, group_width,
                                                                     bottleneck_multiplier, se_ratio))
            blocks.append((f"block{i + 1}", stage))
            width = width_out
        self.trunk_output = torch.nn.Sequential(collections.OrderedDict(blocks))
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.fc = torch.nn.Linear(width, num_classes)

    def forward(self, x):
        x = self.avgpool(self.trunk_output(self.stem(x)))
        return self.fc(x.flatten(start_dim=1))


def tv_regnet(depth, w_0, w_a, w_m, group_width, se_ratio, weights, num_classes, kwargs):
    return tv_RegNet(tv_regnet_stages(depth, w_0, w_a, w_m, group_width), se_ratio,
                     num_classes=tv_classes(weights, num_classes), **kwargs)


def tv_regnet_y_400mf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(16, 48, 27.89, 2.09, 8, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_800mf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(14, 56, 38.84, 2.4, 16, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_1_6gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(27, 48, 20.71, 2.65, 24, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_3_2gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(21, 80, 42.63, 2.66, 24, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_8gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(17, 192, 76.82, 2.19, 56, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_16gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(18, 200, 106.23, 2.48, 112, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_32gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(20, 232, 115.89, 2.53, 232, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_y_128gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(27, 456, 160.83, 2.52, 264, 0.25, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_400mf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(22, 24, 24.48, 2.54, 16, None, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_800mf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(16, 56, 35.73, 2.28, 16, None, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_1_6gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(18, 80, 34.01, 2.25, 24, None, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_3_2gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(25, 88, 26.31, 2.25, 48, None, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_8gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(23, 80, 49.56, 2.88, 120, None, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_16gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(22, 216, 55.59, 2.1, 128, None, weights or pretrained, num_classes, kwargs)


def tv_regnet_x_32gf(*, weights=None, progress=True, num_classes=1000, pretrained=None, **kwargs):
    return tv_regnet(23, 320, 69.86, 2.0, 168, None, weights or pretrained, num_classes, kwargs)


# ---- semantic segmentation: FCN, DeepLabV3, LR-ASPP on dilated backbones ----

class tv_IntermediateLayerGetter(torch.nn.Module):
    def __init__(self, children, return_layers):
        super().__init__()
        self.return_layers = return_layers
        self.names = []
        for name, module in children:  # the model's children up to the last returned, by name
            setattr(self, name, module)
            self.names.append(name)

    def forward(self, x):
        out = {}
        for name in self.names:
            x = getattr(self, name)(x)
            if name in self.return_layers:
                out[self.return_layers[name]] = x
        return out


class tv__SimpleSegmentationModel(torch.nn.Module):
    def __init__(self, backbone, classifier, aux_classifier=None):
        super().__init__()
        self.backbone = backbone
        self.classifier = classifier
        self.aux_classifier = aux_classifier

    def forward(self, x):
        input_shape = x.shape[-2:]
        features = self.backbone(x)
        result = {}
        out = self.classifier(features["out"])
        result["out"] = torch.nn.functional.interpolate(out, size=input_shape, mode="bilinear", align_corners=False)
        if self.aux_classifier is not None:
            aux = self.aux_classifier(features["aux"])
            result["aux"] = torch.nn.functional.interpolate(aux, size=input_shape, mode="bilinear",
                                                            align_corners=False)
        return result


class tv_FCN(tv__SimpleSegmentationModel):
    pass


class tv_DeepLabV3(tv__SimpleSegmentationModel):
    pass


class tv_FCNHead(torch.nn.Sequential):
    def __init__(self, in_channels, channels):
        inter_channels = in_channels // 4
        super().__init__(torch.nn.Conv2d(in_channels, inter_channels, 3, padding=1, bias=False),
                         torch.nn.BatchNorm2d(inter_channels), torch.nn.ReLU(), torch.nn.Dropout(0.1),
                         torch.nn.Conv2d(inter_channels, channels, 1))


class tv_ASPPConv(torch.nn.Sequential):
    def __init__(self, in_channels, out_channels, dilation):
        super().__init__(torch.nn.Conv2d(in_channels, out_channels, 3, padding=dilation, dilation=dilation,
                                         bias=False),
                         torch.nn.BatchNorm2d(out_channels), torch.nn.ReLU())


class tv_ASPPPooling(torch.nn.Sequential):
    def __init__(self, in_channels, out_channels):
        super().__init__(torch.nn.AdaptiveAvgPool2d(1), torch.nn.Conv2d(in_channels, out_channels, 1, bias=False),
                         torch.nn.BatchNorm2d(out_channels), torch.nn.ReLU())

    def forward(self, x):
        size = x.shape[-2:]
        y = x
        for module in self:
            y = module(y)
        return torch.nn.functional.interpolate(y, size=size, mode="bilinear", align_corners=False)


class tv_ASPP(torch.nn.Module):
    def __init__(self, in_channels, atrous_rates, out_channels=256):
        super().__init__()
        modules = [torch.nn.Sequential(torch.nn.Conv2d(in_channels, out_channels, 1, bias=False),
                                       torch.nn.BatchNorm2d(out_channels), torch.nn.ReLU())]
        for rate in atrous_rates:
            modules.append(tv_ASPPConv(in_channels, out_channels, rate))
        modules.append(tv_ASPPPooling(in_channels, out_channels))
        self.convs = torch.nn.ModuleList(modules)
        self.project = torch.nn.Sequential(torch.nn.Conv2d(len(modules) * out_channels, out_channels, 1, bias=False),
                                           torch.nn.BatchNorm2d(out_channels), torch.nn.ReLU(), torch.nn.Dropout(0.5))

    def forward(self, x):
        return self.project(torch.cat([conv(x) for conv in self.convs], dim=1))


class tv_DeepLabHead(torch.nn.Sequential):
    def __init__(self, in_channels, num_classes, atrous_rates=(12, 24, 36)):
        super().__init__(tv_ASPP(in_channels, atrous_rates), torch.nn.Conv2d(256, 256, 3, padding=1, bias=False),
                         torch.nn.BatchNorm2d(256), torch.nn.ReLU(), torch.nn.Conv2d(256, num_classes, 1))


class tv_LRASPP(torch.nn.Module):
    def __init__(self, backbone, low_channels, high_channels, num_classes, inter_channels=128):
        super().__init__()
        self.backbone = backbone
        self.classifier = tv_LRASPPHead(low_channels, high_channels, num_classes, inter_channels)

    def forward(self, input):
        out = self.classifier(self.backbone(input))
        return {"out": torch.nn.functional.interpolate(out, size=input.shape[-2:], mode="bilinear",
                                                       align_corners=False)}


class tv_LRASPPHead(torch.nn.Module):
    def __init__(self, low_channels, high_channels, num_classes, inter_channels):
        super().__init__()
        self.cbr = torch.nn.Sequential(torch.nn.Conv2d(high_channels, inter_channels, 1, bias=False),
                                       torch.nn.BatchNorm2d(inter_channels), torch.nn.ReLU(inplace=True))
        self.scale = torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(1),
                                         torch.nn.Conv2d(high_channels, inter_channels, 1, bias=False),
                                         torch.nn.Sigmoid())
        self.low_classifier = torch.nn.Conv2d(low_channels, num_classes, 1)
        self.high_classifier = torch.nn.Conv2d(inter_channels, num_classes, 1)

    def forward(self, input):
        low = input["low"]
        high = input["high"]
        x = self.cbr(high) * self.scale(high)
        x = torch.nn.functional.interpolate(x, size=low.shape[-2:], mode="bilinear", align_corners=False)
        return self.low_classifier(low) + self.high_classifier(x)


def tv_segmentation_classes(weights, num_classes, aux_loss):
    """Pretrained weights are for the 21 VOC classes and come with the auxiliary head; otherwise 21 classes
    unless said, and no auxiliary head unless asked."""
    if weights is None:
        return 21 if num_classes is None else num_classes, aux_loss
    if num_classes is not None and num_classes != 21:
        raise ValueError(f"The parameter 'num_classes' expected value 21 but got {num_classes} instead.")
    if aux_loss is not None and aux_loss is not True:
        raise ValueError(f"The parameter 'aux_loss' expected value True but got {aux_loss} instead.")
    return 21, True


def tv_resnet_segmentation(model, head, depth, weights, num_classes, aux_loss):
    num_classes, aux = tv_segmentation_classes(weights, num_classes, aux_loss)
    backbone = tv_resnet(tv_Bottleneck, depth, None, 1000, {"replace_stride_with_dilation": [False, True, True]})
    return_layers = {"layer4": "out"}
    if aux:
        return_layers["layer3"] = "aux"
    children = [(name, getattr(backbone, name)) for name in
                ["conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4"]]
    return model(tv_IntermediateLayerGetter(children, return_layers), head(2048, num_classes),
                 tv_FCNHead(1024, num_classes) if aux else None)


def tv_fcn_resnet50(*, weights=None, progress=True, num_classes=None, aux_loss=None, weights_backbone=None,
                    pretrained=None, pretrained_backbone=None, **kwargs):
    return tv_resnet_segmentation(tv_FCN, tv_FCNHead, [3, 4, 6, 3], weights or pretrained, num_classes, aux_loss)


def tv_fcn_resnet101(*, weights=None, progress=True, num_classes=None, aux_loss=None, weights_backbone=None,
                     pretrained=None, pretrained_backbone=None, **kwargs):
    return tv_resnet_segmentation(tv_FCN, tv_FCNHead, [3, 4, 23, 3], weights or pretrained, num_classes, aux_loss)


def tv_deeplabv3_resnet50(*, weights=None, progress=True, num_classes=None, aux_loss=None, weights_backbone=None,
                          pretrained=None, pretrained_backbone=None, **kwargs):
    return tv_resnet_segmentation(tv_DeepLabV3, tv_DeepLabHead, [3, 4, 6, 3], weights or pretrained, num_classes,
                                  aux_loss)


def tv_deeplabv3_resnet101(*, weights=None, progress=True, num_classes=None, aux_loss=None, weights_backbone=None,
                           pretrained=None, pretrained_backbone=None, **kwargs):
    return tv_resnet_segmentation(tv_DeepLabV3, tv_DeepLabHead, [3, 4, 23, 3], weights or pretrained, num_classes,
                                  aux_loss)


def tv_mobilenet_stages(features):
    """MobileNetV3's features at its stride-2 blocks (and the first and last), as torchvision finds them."""
    return [0] + [i + 1 for i, row in enumerate(tv_V3_LARGE) if row[6] > 1] + [len(features) - 1]


def tv_deeplabv3_mobilenet_v3_large(*, weights=None, progress=True, num_classes=None, aux_loss=None,
                                    weights_backbone=None, pretrained=None, pretrained_backbone=None, **kwargs):
    num_classes, aux = tv_segmentation_classes(weights or pretrained, num_classes, aux_loss)
    features = tv_MobileNetV3(tv_V3_LARGE, 1280, dilated=True).features
    stages = tv_mobilenet_stages(features)
    out_pos, aux_pos = stages[-1], stages[-4]
    return_layers = {str(out_pos): "out"}
    if aux:
        return_layers[str(aux_pos)] = "aux"
    out_channels, aux_channels = 6 * tv_V3_LARGE[-1][3], tv_V3_LARGE[aux_pos - 1][3]
    children = [(str(i), features[i]) for i in range(out_pos + 1)]
    return tv_DeepLabV3(tv_IntermediateLayerGetter(children, return_layers), tv_DeepLabHead(out_channels, num_classes),
                        tv_FCNHead(aux_channels, num_classes) if aux else None)


def tv_lraspp_mobilenet_v3_large(*, weights=None, progress=True, num_classes=None, weights_backbone=None,
                                 pretrained=None, pretrained_backbone=None, **kwargs):
    if kwargs.pop("aux_loss", False):
        raise NotImplementedError("This model does not use auxiliary loss")
    num_classes, _ = tv_segmentation_classes(weights or pretrained, num_classes, None)
    features = tv_MobileNetV3(tv_V3_LARGE, 1280, dilated=True).features
    stages = tv_mobilenet_stages(features)
    low_pos, high_pos = stages[-4], stages[-1]
    children = [(str(i), features[i]) for i in range(high_pos + 1)]
    backbone = tv_IntermediateLayerGetter(children, {str(low_pos): "low", str(high_pos): "high"})
    return tv_LRASPP(backbone, tv_V3_LARGE[low_pos - 1][3], 6 * tv_V3_LARGE[-1][3], num_classes)
'''

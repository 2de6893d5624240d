"""torchvision's classification models, written anew in the Python the PyTorch reader follows, so that a
user's script that builds one (`model = torchvision.models.resnet50(weights="DEFAULT")`, then replaces its
head) reads without torchvision. Architectures as torchvision's documentation and the papers give them
(layer sizes, strides, widths, the published parameter counts the tests check); the code is cnncalc's own.
Every name starts with `tv_` so that a user's classes of the same names stay theirs; `BUILDERS` are the
functions a script may call (`resnet18` is `tv_resnet18`). Pretrained weights change no shape: a builder
given them keeps torchvision's 1,000 classes, as torchvision does."""
from __future__ import annotations

BUILDERS = frozenset({
    "alexnet", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn",
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d", "resnext101_32x8d",
    "resnext101_64x4d", "wide_resnet50_2", "wide_resnet101_2", "densenet121", "densenet161", "densenet169",
    "densenet201", "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small", "squeezenet1_0", "squeezenet1_1",
    "efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4",
    "efficientnet_b5", "efficientnet_b6", "efficientnet_b7"})

SOURCE = '''
def tv_classes(weights, num_classes):
    if weights is not None and num_classes != 1000:
        raise ValueError("pretrained weights are for 1,000 classes: build with num_classes=1000, then replace "
                         "the classifier")
    return num_classes


def tv_divisible(value, divisor=8):
    rounded = max(divisor, int(value + divisor / 2) // divisor * divisor)
    if rounded < 0.9 * value:
        rounded += divisor
    return rounded


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

    def __init__(self, inplanes, planes, stride, groups, base_width):
        super().__init__()
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

    def __init__(self, inplanes, planes, stride, groups, base_width):
        super().__init__()
        width = int(planes * (base_width / 64.0)) * groups
        self.conv1 = torch.nn.Conv2d(inplanes, width, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(width)
        self.conv2 = torch.nn.Conv2d(width, width, 3, stride=stride, padding=1, groups=groups, bias=False)
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
    def __init__(self, block, layers, num_classes=1000, groups=1, width_per_group=64):
        super().__init__()
        self.inplanes = 64
        self.conv1 = torch.nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(64)
        self.relu = torch.nn.ReLU(inplace=True)
        self.maxpool = torch.nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = self.stage(block, 64, layers[0], 1, groups, width_per_group)
        self.layer2 = self.stage(block, 128, layers[1], 2, groups, width_per_group)
        self.layer3 = self.stage(block, 256, layers[2], 2, groups, width_per_group)
        self.layer4 = self.stage(block, 512, layers[3], 2, groups, width_per_group)
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.fc = torch.nn.Linear(512 * block.expansion, num_classes)

    def stage(self, block, planes, count, stride, groups, width_per_group):
        blocks = []
        for i in range(count):
            blocks.append(block(self.inplanes, planes, stride if i == 0 else 1, groups, width_per_group))
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
            for _ in range(count):
                dense.append(tv_DenseLayer(channels, growth_rate, bn_size))
                channels += growth_rate
            layers.append((f"denseblock{i + 1}", torch.nn.Sequential(*dense)))
            if i != len(block_config) - 1:
                layers.append((f"transition{i + 1}", torch.nn.Sequential(
                    torch.nn.BatchNorm2d(channels), torch.nn.ReLU(inplace=True),
                    torch.nn.Conv2d(channels, channels // 2, 1, bias=False), torch.nn.AvgPool2d(2, stride=2))))
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


def tv_conv_norm_act(inp, out, kernel, stride=1, groups=1, activation=torch.nn.ReLU6, eps=1e-5):
    layers = [torch.nn.Conv2d(inp, out, kernel, stride=stride, padding=(kernel - 1) // 2, groups=groups,
                              bias=False), torch.nn.BatchNorm2d(out, eps=eps)]
    if activation is not None:
        layers.append(activation(inplace=True))
    return torch.nn.Sequential(*layers)


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
        channels = tv_divisible(32 * width_mult)
        self.last_channel = tv_divisible(1280 * max(1.0, width_mult))
        layers = [tv_conv_norm_act(3, channels, 3, stride=2)]
        for t, c, n, s in settings:
            out = tv_divisible(c * width_mult)
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


class tv_SqueezeExcitation(torch.nn.Module):
    def __init__(self, channels, squeeze, activation=torch.nn.ReLU, gate=torch.nn.Sigmoid):
        super().__init__()
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc1 = torch.nn.Conv2d(channels, squeeze, 1)
        self.fc2 = torch.nn.Conv2d(squeeze, channels, 1)
        self.activation = activation()
        self.scale_activation = gate()

    def forward(self, x):
        scale = self.scale_activation(self.fc2(self.activation(self.fc1(self.avgpool(x)))))
        return scale * x


class tv_MobileBlockV3(torch.nn.Module):
    def __init__(self, inp, kernel, expanded, out, use_se, activation, stride):
        super().__init__()
        self.use_res_connect = stride == 1 and inp == out
        layers = []
        if expanded != inp:
            layers.append(tv_conv_norm_act(inp, expanded, 1, activation=activation, eps=0.001))
        layers.append(tv_conv_norm_act(expanded, expanded, kernel, stride=stride, groups=expanded,
                                       activation=activation, eps=0.001))
        if use_se:
            layers.append(tv_SqueezeExcitation(expanded, tv_divisible(expanded // 4), gate=torch.nn.Hardsigmoid))
        layers.append(tv_conv_norm_act(expanded, out, 1, activation=None, eps=0.001))
        self.block = torch.nn.Sequential(*layers)

    def forward(self, x):
        if self.use_res_connect:
            return x + self.block(x)
        return self.block(x)


class tv_MobileNetV3(torch.nn.Module):
    def __init__(self, settings, last_channel, num_classes=1000, dropout=0.2):
        super().__init__()
        first = settings[0][0]
        layers = [tv_conv_norm_act(3, first, 3, stride=2, activation=torch.nn.Hardswish, eps=0.001)]
        for inp, kernel, expanded, out, use_se, hard, stride in settings:
            activation = torch.nn.Hardswish if hard else torch.nn.ReLU
            layers.append(tv_MobileBlockV3(inp, kernel, expanded, out, use_se, activation, stride))
        last = settings[-1][3]
        layers.append(tv_conv_norm_act(last, 6 * last, 1, activation=torch.nn.Hardswish, eps=0.001))
        self.features = torch.nn.Sequential(*layers)
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.classifier = torch.nn.Sequential(
            torch.nn.Linear(6 * last, last_channel), torch.nn.Hardswish(inplace=True),
            torch.nn.Dropout(p=dropout, inplace=True), torch.nn.Linear(last_channel, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


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
    def __init__(self, expand_ratio, kernel, stride, inp, out):
        super().__init__()
        self.use_res_connect = stride == 1 and inp == out
        expanded = tv_divisible(inp * expand_ratio)
        layers = []
        if expanded != inp:
            layers.append(tv_conv_norm_act(inp, expanded, 1, activation=torch.nn.SiLU))
        layers.append(tv_conv_norm_act(expanded, expanded, kernel, stride=stride, groups=expanded,
                                       activation=torch.nn.SiLU))
        layers.append(tv_SqueezeExcitation(expanded, max(1, inp // 4), activation=torch.nn.SiLU))
        layers.append(tv_conv_norm_act(expanded, out, 1, activation=None))
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
        layers = [tv_conv_norm_act(3, tv_divisible(32 * width_mult), 3, stride=2, activation=torch.nn.SiLU)]
        for expand_ratio, kernel, stride, inp, out, count in stages:
            blocks = []
            inp, out = tv_divisible(inp * width_mult), tv_divisible(out * width_mult)
            for i in range(int(math.ceil(count * depth_mult))):
                blocks.append(tv_MBConv(expand_ratio, kernel, stride if i == 0 else 1, inp if i == 0 else out, out))
            layers.append(torch.nn.Sequential(*blocks))
        last = tv_divisible(320 * width_mult)
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
'''

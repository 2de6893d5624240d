"""Small networks that together use every layer keyword and merge kind: the PyTorch cross-checks
(executor values, exported modules, training memory) run each of them."""
from __future__ import annotations

NETWORKS = [  # (input, spec lines): together they use every layer keyword and merge kind
    ("9x11x4", "conv 6 3x3 pad 1 ; relu6 ; dwconv 3x3 stride 2 pad same multiplier 2 ; hardswish"),
    ("8x8x6", "deconv 4 3x3 stride 2 pad 1 outpad 1 ; leakyrelu 0.2 ; maxpool 3x3 stride 2 ceil ; elu 0.7 ; selu"),
    ("10x10x3", "conv 8 3x3 pad 0,1,1,2 dilation 2 groups 1 ; sigmoid ; avgpool 3 stride 2 pad 1 exclude_pad"),
    ("7x9x5", "hardsigmoid ; silu ; swish ; mish ; tanh ; gelu ; prelu ; prelu perchannel ; softmax ; logsoftmax ; "
              "prelu pervalue ; prelu pervalue size 7x9 inputs 5 ; flatten ; prelu pervalue"),
    # (the values stay near 0 to 1 here: softplus' beta and threshold, hardtanh's bounds and celu's alpha placed so
    # that both sides of each bend are met)
    ("6x7x5", "conv 5 3x3 pad 1 ; softplus ; softplus beta 3 threshold 1 ; softsign ; hardtanh ; "
              "hardtanh low -0.2 high 0.3 ; logsigmoid ; celu ; celu 0.3 ; hardtanh min 0.1 max 1"),
    # the shrinks and the threshold with their bends among the values; power-average pools, ceil-mode windows past the
    # input (their sums scaled as PyTorch's), odd and fractional powers (NaN where PyTorch's is)
    ("7x9x4", "conv 4 3x3 pad 1 ; threshold 0.1 value 0.5 ; hardshrink 0.2 ; softshrink 0.1 ; tanhshrink ; "
              "threshold -0.1 ; lppool 2x2 p 2 ceil ; lppool 2x3 stride 1 p 1 ; lppool 2 p 3 stride 1 ceil"),
    # the channels at each position scaled to unit length, then a vector's features (an embedding), then with an eps
    # larger than some lengths
    ("5x6x4", "conv 6 1x1 ; l2norm ; flatten ; fc 7 ; l2norm ; l2norm eps 2"),
    # PyTorch's nn.LayerNorm([C, H, W]), with and without its affine parts, and on a vector
    ("6x5x4", "layernorm volume ; conv 4 3x3 ; layernorm volume size 4x3 inputs 4 eps 0.001 ; "
              "layernorm volume noshift ; layernorm volume noaffine ; flatten ; layernorm volume"),
    ("6x6x8", "lrn size 3 ; batchnorm ; layernorm ; groupnorm 4 ; instancenorm ; instancenorm affine eps 0.001 ; "
              "bn noaffine counted inputs 8 ; scale ; scale nobias in 8 ; scale one ; scale one nobias ; bn noscale ; "
              "bn noshift eps 0.001 ; "
              "bn nostats ; bn noshift nostats"),
    ("5x7x6", "slice 1:5 ; shuffle 2 ; upsample 2 ; upsample 2x3 bilinear ; resize 7x4 bilinear ; resize 13x5"),
    ("4x5x3", "upsample 2 aligned ; resize 11x3 aligned ; resize 1x1 aligned ; upsample 3x2 aligned"),
    # decimal factors: floor(N·F), the input read 1/F apart (PyTorch's scale_factor): 9x11 -> 13x16 -> 6x8 -> 4x6
    # -> 5x7 -> 1x1
    ("9x11x3", "upsample 1.5 ; upsample 0.5 bilinear ; upsample 0.75 aligned ; upsample 1.25 bilinear ; "
               "upsample 0.25"),
    ("5x7x6", "slice 2: ; conv 3 1x1 ; slice 1:"),
    ("14x10x3", "adaptiveavgpool 4x3 ; zeropad 1,0,2,1 ; adaptivemaxpool 2 ; zeropad 1"),
    ("9x7x3", "reflectpad 3,2,1,0 ; conv 4 3x3 ; replicatepad 2 ; reflectpad 1x2"),
    ("13x12x2", "crop 1,2,0,3 ; centercrop 7x4 ; globalmaxpool ; flatten ; fc 5 ; dropout ; identity"),
    ("9x9x3", "conv 4 3x3 pad 1 ; globalavgpool ; linear 3"),
    # Keras' centre, (N - n)//2: 3//2 = 1 and 5//2 = 2 (torchvision's round(1.5) = 2), then 3//2 = 1 and 1//2 = 0
    ("11x10x3", "centercrop 8x5 floor ; conv 2 3x3 ; centercrop 3x2 floor"),
    # a fixed region from an offset (FCN's crop as the newer ONNX exporter writes it): rows 2-7, columns 1-4; then
    # the whole map from the start
    ("10x9x3", "region 6x4 at 2x1 ; conv 2 3x3 ; region 4x2"),
    # Keras' resize of a smaller input: 7x5 to 9x12 (a window of int(5·9/12) = 3 rows by int(7·12/9) = 9 > 5 columns,
    # so 5), the conv's 7x10 cropped to 5x5 as it is, then 5x5 to 8x3 (int(5·8/3) = 13 > 5 rows by int(5·3/8) = 1)
    ("7x5x3", "centercrop 9x12 floor resize ; conv 2 3x3 ; centercrop 5x5 floor resize ; centercrop 8x3 floor resize"),
    # gates broadcast over the map by the value-by-value joins (W051): GCNet's context added, a spatial map's maximum
    ("8x7x6", "add { identity | globalavgpool ; conv 6 1x1 } ; max { identity | channelavgpool } ; "
              "sub { globalmaxpool | identity } ; min { channelmaxpool | identity | identity } ; "
              "avg { identity | globalavgpool ; relu }"),
    ("8x8x8", "se: mul { identity | globalavgpool ; conv 2 1x1 ; relu ; conv 8 1x1 ; hardsigmoid }"),
    ("6x6x8", "mul { identity | globalavgpool ; squeeze ; fc 2 ; relu ; fc 8 noflatten ; sigmoid ; unflatten }"),
    ("1x1x16", "flatten ; fc 48 ; reshape 2x3x8 ; deconv 4 3x3 stride 2 ; reshape 7x5"),  # a generator's first maps
    ("7x7x4", "conv 4 3x3 pad 1 ; add { maxpool 1x1 stride 2 ; padchannels 2 | conv 8 3x3 stride 2 pad 1 } ; "
              "padchannels 0 after 3"),  # the ResNet paper's option A shortcut for CIFAR
    ("5x4x3", "circularpad 1 ; conv 4 3x3 ; circularpad 0,1,4,0 ; maxpool 2x2"),  # to a side's full size
    # pools padded past PyTorch's K/2 (Caffe's, ONNX's and MATLAB's limit, P < K), symmetric and not
    ("7x7x3", "maxpool 3x3 stride 2 pad 2 widepad ; avgpool 3x2 stride 1 pad 2,1,1,0 widepad ; "
              "maxpool 4x3 stride 1 pad 3,0,2,1 widepad"),
    # PyTorch's divisor_override: every window's sum over a fixed number, padded, rounded up, and past K/2
    ("8x7x3", "avgpool 3x3 stride 2 pad 1 ceil divisor 4 ; avgpool 2 stride 1 divisor 3 exclude_pad ; "
              "avgpool 3x2 stride 1 pad 2,1,1,0 widepad divisor 5"),
    ("6x5x4", "mul { conv 4 1x1 | conv 1 1x1 ; sigmoid } ; mul { identity | identity }"),
    ("6x6x4", "conv 4 3x3 pad 1 frozen ; bn frozen ; relu ; conv 4 1x1 ; fc 3 frozen"),  # transfer learning's
    ("6x5x4", "sub { conv 4 1x1 | avgpool 3x3 stride 1 pad 1 } ; avg { conv 4 3x3 pad 1 | identity | relu } ; "
              "max { conv 4 1x1 | identity } ; min { identity | conv 4 1x1 ; tanh | relu }"),
    ("7x7x8", "split 2 { identity | conv 4 1x1 nobias ; bn ; relu ; dwconv 3x3 pad 1 } ; shuffle 2"),
    ("6x6x8", "concat { part 1 of 2 | part 2 of 2 ; conv 4 1x1 } ; concat { part 2 of 4 | part 4 of 4 }"),
    # torch.split(x, 4, 1) of 10 channels: 0-3, 4-7 and the last two, 8-9; unpacked into three names; then parts of
    # 3 of the 4 + 2 + 2 = 8 channels read by index: 3-5 and 6-7
    ("6x6x10", "concat { part 1 of 3 size 4 | part 3 of 3 size 4 ; conv 2 1x1 | part 3 size 4 } ; "
               "concat { part 2 size 3 | part 3 size 3 }"),
    # x.chunk(3, 1) of 7 channels: parts of ⌈7/3⌉ = 3, 3 and 1, unpacked; then x.chunk(4, 1) of the 3 + 2 = 5 by
    # index: parts of ⌈5/4⌉ = 2, only three of them, the second and the first: 2 + 2 channels
    ("6x6x7", "concat { part 1 of 3 chunks 3 | part 3 chunks 3 ; conv 2 1x1 } ; "
              "concat { part 2 chunks 4 | part 1 chunks 4 }"),
    ("5x4x3", "conv 12 3x3 pad 1 ; pixelshuffle 2 ; conv 18 1x1 ; pixelshuffle 3"),
    ("12x6x2", "pixelunshuffle 2 ; conv 6 3x3 pad 1 ; pixelunshuffle 3 ; relu ; pixelshuffle 3"),
    ("12x6x2", "pixelunshuffle 2 dcr ; conv 6 3x3 pad 1 ; pixelunshuffle 3 dcr ; relu ; pixelshuffle 3 dcr ; "
               "conv 8 1x1 ; pixelshuffle 2 dcr"),
    # MATLAB's spaceToDepthLayer drops what is past the last whole block: 13x11 by 2 -> 6x5, then 6x5 by 3 -> 2x1
    ("13x11x2", "pixelunshuffle 2 dcr floor ; conv 4 3x3 pad 1 ; pixelunshuffle 3 floor"),
    ("8x8x3", "enc: conv 4 3x3 pad 1\ndown: maxpool 2 ; conv 8 3x3 pad 1\n"
              "up: deconv 4 2x2 stride 2 ; concat { @enc | identity } ; conv 4 3x3 pad 1"),
    ("8x8x4", "a: conv 4 1x1\nadd { @a ; relu | conv 4 3x3 pad 1 } ; residual { conv 4 3x3 pad 1 ; bn }"),
    ("10x10x3", "conv 6 3x3 ; aux: side train { globalavgpool ; fc 3 } ; head: side { conv 2 1x1 } ; relu"),
    ("9x9x4", "concat { conv 3 1x1 | maxpool 3 stride 1 pad 1 }"),
    # weight_norm on every layer with a weight (a learnt length per filter; per input channel for deconv)
    ("6x6x3", "conv 8 3x3 pad 1 weightnorm ; dwconv 3x3 nobias weightnorm ; deconv 4 2x2 stride 2 weightnorm ; "
              "globalavgpool ; fc 5 weightnorm"),
    # ECA-Net's channel attention: the pooled channels through one filter of 3 sliding along them; then filters
    # longer than the channels, and on a map's every position, and on a vector
    ("6x5x8", "mul { identity | globalavgpool ; channelconv 3 nobias ; sigmoid } ; channelconv 11 ; "
              "channelconv 4 pad 0 ; globalavgpool ; flatten ; channelconv 2 pad 3"),
    # CBAM's spatial attention: the channels' mean and max at each position, a 7x7 convolution, a sigmoid gate
    ("9x8x6", "mul { identity | concat { channelavgpool | channelmaxpool } ; conv 1 7x7 pad 3 nobias ; sigmoid }"),
    ("9x7x3", "enc: conv 4 3x3 pad 1\nmaxpool 2 floor ; conv 6 3x3 pad 1 ; upsample 2 aligned\n"
              "concat { @enc | fit { @enc | identity } } ; fit { upsample 2 | conv 2 1x1 stride 2 }"),
    # cropped from an offset to a reference's size (Caffe's Crop): 9x7 -> 18x14 -> 16x12, rows 2-10 and columns 1-7;
    # an 8x8/4 deconvolution's 40x32, from row and column 3
    ("9x7x3", "enc: conv 4 3x3 pad 1\nfit at 2x1 { @enc | upsample 2 ; conv 3 3x3 } ; "
              "fit at 0 { identity | identity }\nfit at 3 { identity | deconv 2 8x8 stride 4 nobias }"),
    # resampled to a reference's size: 9x7 -> 4x3 -> back to 9x7 (bilinear); 5x4 (a 3x3/2 conv) -> 9x7 (nearest),
    # then 9x7 -> 3x2 (aligned)
    # SegNet's unpooling: a 2x2 pool's maxima (ties among the ReLU's zeros), an odd 9x7 pooled with ceil, 3x3
    # windows at stride 3 padded by 1, dilated taps 2 apart at stride 3 (windows that do not overlap: where they do,
    # PyTorch keeps either of two values at a shared place, W067, and no value can be compared)
    ("9x7x3", "enc: conv 4 3x3 pad 1 ; relu\nmaxunpool 2x2 ceil { @enc | maxpool 2x2 ceil ; conv 4 1x1 }\n"
              "maxunpool 3x3 stride 3 pad 1 floor { identity | maxpool 3x3 stride 3 pad 1 floor ; tanh }\n"
              "maxunpool 2 stride 3 dilation 2 floor { identity | maxpool 2 stride 3 dilation 2 floor ; sigmoid }"),
    # ENet's downsampling bottleneck: the pooled shortcut given the body's channels, zero channels after its own;
    # and a map both fitted to a larger reference's height and width and given its channels
    ("10x8x4", "x: identity\nbody: conv 12 2x2 stride 2 ; bn ; relu ; conv 12 3x3 pad 1\n"
               "add { identity | fit channels { identity | @x ; maxpool 2x2 } } ; relu\n"
               "fit channels { upsample 2 ; conv 16 1x1 | conv 6 3x3 }"),
("9x7x3", "enc: conv 4 3x3 pad 1\nresample bilinear { @enc | maxpool 2 floor ; conv 6 1x1 }\n"
              "resample { identity | conv 2 3x3 stride 2 pad 1 } ; resample aligned { maxpool 3 floor | identity }"),
    # transposed convolutions sized to another map (`to @NAME`, PyTorch's output_size): 3x4 -> 6x8 by an output
    # padding of 1 within the padding of 1 (rows the full output has), 3x4 -> 6x8 by a 1x1 at stride 2 whose output
    # padding adds a row and a column no input reaches (the bias alone), 6x8 -> 11x15 by none
    ("11x15x3", "image: identity\nenc: conv 6 3x3 stride 2 pad 1 ; relu\nconv 8 2x2 stride 2\n"
                "up: deconv 6 3x3 stride 2 pad 1 to @enc\nadd { @enc | identity }\nconv 4 2x2 stride 2 ; "
                "deconv 3 1x1 stride 2 to @enc ; deconv 2 3x3 stride 2 pad 1 nobias to @image"),
    # 3x3 stride-1 convolutions with >= 16 input channels and >= 400 output pixels (22x24, then 20x22):
    # the executor's Winograd path F(2x2, 3x3); and F(3x3, 5x5), a 5x5 with 64 channels on 21x20 pixels
    ("22x24x16", "conv 16 3x3 pad 1 ; relu ; conv 8 3x3 ; bn"),
    ("21x20x64", "conv 8 5x5 pad 2 ; relu ; conv 64 1x1 ; conv 4 5x5"),
    # weights shared (`shares`): CBAM's channel gate, one MLP applied to the average and to the maximum; a
    # convolution applied three times (a weight-tied recursion, DRRN's); a head applied at two depths (RetinaNet's)
    ("7x6x8", "mul { identity | add { globalavgpool ; fc1: conv 2 1x1 ; relu ; fc2: conv 8 1x1 nobias\n"
              "| globalmaxpool ; conv 2 1x1 shares fc1 ; relu ; conv 8 1x1 nobias shares fc2 } ; sigmoid }"),
    ("6x5x3", "conv 4 3x3 pad 1 ; c: conv 4 3x3 pad 1 ; relu ; repeat 2 { conv 4 3x3 pad 1 shares c ; relu } ; bn"),
    ("9x9x3", "conv 4 3x3 pad 1 ; side { h1: conv 3 3x3 pad 1 ; h2: conv 2 1x1 } ; conv 4 3x3 stride 2 ; "
              "side { conv 3 3x3 pad 1 shares h1 ; conv 2 1x1 shares h2 } ; relu"),
]

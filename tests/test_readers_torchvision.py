"""torchvision's models built in a user's script (`torchvision.models.resnet50(...)`), read through cnncalc's own
definitions (cnncalc/readers/torchvision_zoo.py), and the edits of transfer learning: a head replaced, parts
frozen. Expected counts: the parameter counts torchvision publishes for each model (its documentation's
`num_params`), the shipped specs (written by hand from the papers), and arithmetic written out here."""
from __future__ import annotations

import ast

import pytest

from cnncalc import analyze, analyze_text
from tests.conftest import SPECS
from tests.test_readers_pytorch import FIXTURES

PUBLISHED = {  # torchvision's documented num_params (the IMAGENET1K weights' meta)
    "alexnet": 61_100_840, "vgg11": 132_863_336, "vgg11_bn": 132_868_840, "vgg13": 133_047_848,
    "vgg13_bn": 133_053_736, "vgg16": 138_357_544, "vgg16_bn": 138_365_992, "vgg19": 143_667_240,
    "vgg19_bn": 143_678_248, "resnet18": 11_689_512, "resnet34": 21_797_672, "resnet50": 25_557_032,
    "resnet101": 44_549_160, "resnet152": 60_192_808, "resnext50_32x4d": 25_028_904,
    "resnext101_32x8d": 88_791_336, "resnext101_64x4d": 83_455_272, "wide_resnet50_2": 68_883_240,
    "wide_resnet101_2": 126_886_696, "densenet121": 7_978_856, "densenet161": 28_681_000,
    "densenet169": 14_149_480, "densenet201": 20_013_928, "mobilenet_v2": 3_504_872,
    "mobilenet_v3_large": 5_483_032, "mobilenet_v3_small": 2_542_856, "squeezenet1_0": 1_248_424,
    "squeezenet1_1": 1_235_496, "efficientnet_b0": 5_288_548, "efficientnet_b1": 7_794_184,
    "efficientnet_b2": 9_109_994, "efficientnet_b3": 12_233_232, "efficientnet_b4": 19_341_616,
    "efficientnet_b5": 30_389_784, "efficientnet_b6": 43_040_704, "efficientnet_b7": 66_347_960,
    "shufflenet_v2_x0_5": 1_366_792, "shufflenet_v2_x1_0": 2_278_604, "shufflenet_v2_x1_5": 3_503_624,
    "shufflenet_v2_x2_0": 7_393_996, "mnasnet0_5": 2_218_512, "mnasnet0_75": 3_170_208, "mnasnet1_0": 4_383_312,
    "mnasnet1_3": 6_282_256, "convnext_tiny": 28_589_128, "convnext_small": 50_223_688,
    "convnext_base": 88_591_464, "convnext_large": 197_767_336, "efficientnet_v2_s": 21_458_488,
    "efficientnet_v2_m": 54_139_356, "efficientnet_v2_l": 118_515_272,
    "regnet_y_400mf": 4_344_144, "regnet_y_800mf": 6_432_512, "regnet_y_1_6gf": 11_202_430,
    "regnet_y_3_2gf": 19_436_338, "regnet_y_8gf": 39_381_472, "regnet_y_16gf": 83_590_140,
    "regnet_y_32gf": 145_046_770, "regnet_y_128gf": 644_812_894, "regnet_x_400mf": 5_495_976,
    "regnet_x_800mf": 7_259_656, "regnet_x_1_6gf": 9_190_136, "regnet_x_3_2gf": 15_296_552,
    "regnet_x_8gf": 39_572_648, "regnet_x_16gf": 54_278_536, "regnet_x_32gf": 107_811_560,
}
# torchvision's documented "GFLOPS" (multiply-accumulates, in billions, to two decimals) at 224x224 (299 for
# Inception v3), with pretrained weights
PUBLISHED_GMACS = {
    "alexnet": 0.71, "vgg16": 15.47, "vgg19_bn": 19.63, "resnet18": 1.81, "resnet50": 4.09, "resnext50_32x4d": 4.23,
    "wide_resnet50_2": 11.4, "densenet121": 2.83, "mobilenet_v2": 0.30, "mobilenet_v3_large": 0.22,
    "efficientnet_b0": 0.39, "squeezenet1_0": 0.82, "squeezenet1_1": 0.35, "googlenet": 1.50, "inception_v3": 5.71,
    "shufflenet_v2_x1_0": 0.14, "mnasnet1_0": 0.31, "convnext_tiny": 4.46,
    "regnet_y_400mf": 0.40, "regnet_y_800mf": 0.83, "regnet_y_1_6gf": 1.61, "regnet_y_3_2gf": 3.18,
    "regnet_y_8gf": 8.47, "regnet_y_16gf": 15.91, "regnet_y_32gf": 32.28, "regnet_y_128gf": 127.52,
    "regnet_x_400mf": 0.41, "regnet_x_800mf": 0.80, "regnet_x_1_6gf": 1.60, "regnet_x_3_2gf": 3.18,
    "regnet_x_8gf": 8.0, "regnet_x_16gf": 15.94, "regnet_x_32gf": 31.74,
}


def built(call: str, size: str = "224x224x3", head: str = "import torchvision\n") -> object:
    return analyze_text(f"{head}model = torchvision.models.{call}\n", "m.py", input=size)


# torchvision's own models measured by tests/measure_torchvision.py (torch 2.14.1, torchvision 0.29.1, eval mode,
# 224x224, 299 for Inception v3, 520 for the segmentation models; torchvision itself is not installed here):
# parameters, batch-norm running statistics, MACs (FlopCounterMode's FLOPs halved), output, and a digest of the
# parameters' names in order (the names a loop over `named_parameters()` tests to freeze some)
TORCHVISION = {
    "deeplabv3_mobilenet_v3_large": (11_025_477, 27_984, 10_436_350_688, (520, 520, 21), "ae26c35c1159"),
    "deeplabv3_resnet101": (58_630_997, 108_928, 248_752_300_288, (520, 520, 21), "5112205bdab1"),
    "deeplabv3_resnet50": (39_638_869, 56_704, 168_731_205_888, (520, 520, 21), "48ee875cfe93"),
    "fcn_resnet101": (51_949_141, 106_368, 222_746_867_200, (520, 520, 21), "e93764da5db1"),
    "fcn_resnet50": (32_957_013, 54_144, 142_725_772_800, (520, 520, 21), "ed68fb44247e"),
    "lraspp_mobilenet_v3_large": (3_221_538, 24_656, 2_086_219_688, (520, 520, 21), "86650901ef41"),
    "alexnet": (61_100_840, 0, 714_188_480, (1000,), "de6e146dd04c"),
    "convnext_base": (88_591_464, 0, 15_354_729_472, (1000,), "71e02e6bf8d7"),
    "convnext_large": (197_767_336, 0, 34_361_433_600, (1000,), "71e02e6bf8d7"),
    "convnext_small": (50_223_688, 0, 8_683_712_256, (1000,), "71e02e6bf8d7"),
    "convnext_tiny": (28_589_128, 0, 4_455_531_264, (1000,), "741bfdd79d9d"),
    "densenet121": (7_978_856, 83_648, 2_834_161_664, (1000,), "124dd26d8094"),
    "densenet161": (28_681_000, 219_936, 7_727_907_072, (1000,), "e60b4c5f86f3"),
    "densenet169": (14_149_480, 158_400, 3_359_843_328, (1000,), "b2f3fa203b21"),
    "densenet201": (20_013_928, 229_056, 4_291_365_888, (1000,), "559f61edcd73"),
    "efficientnet_b0": (5_288_548, 42_016, 385_814_752, (1000,), "d0c9d5fba584"),
    "efficientnet_b1": (7_794_184, 62_048, 569_651_680, (1000,), "e194a0c65dc5"),
    "efficientnet_b2": (9_109_994, 67_568, 658_963_440, (1000,), "e194a0c65dc5"),
    "efficientnet_b3": (12_233_232, 87_296, 962_708_240, (1000,), "b4936cc09cd6"),
    "efficientnet_b4": (19_341_616, 125_200, 1_503_710_432, (1000,), "fab69188f3bb"),
    "efficientnet_b5": (30_389_784, 172_736, 2_356_493_184, (1000,), "e1391944518c"),
    "efficientnet_b6": (43_040_704, 224_432, 3_360_166_848, (1000,), "b7098bf70dd3"),
    "efficientnet_b7": (66_347_960, 310_720, 5_169_865_152, (1000,), "4dde00a04690"),
    "efficientnet_v2_l": (118_515_272, 512_576, 12_231_188_544, (1000,), "5d1f95bc5708"),
    "efficientnet_v2_m": (54_139_356, 292_032, 5_362_207_200, (1000,), "6107b87249a2"),
    "efficientnet_v2_s": (21_458_488, 153_872, 2_849_895_872, (1000,), "ca14364683ae"),
    "googlenet": (13_004_888, 15_072, 1_498_376_192, (1000,), "cabf22587b25"),
    "inception_v3": (27_161_264, 36_224, 5_713_216_096, (1000,), "b0fd1407eed5"),
    "mnasnet0_5": (2_218_512, 20_624, 104_455_968, (1000,), "fb21aa4a7f71"),
    "mnasnet0_75": (3_170_208, 29_808, 215_493_104, (1000,), "fb21aa4a7f71"),
    "mnasnet1_0": (4_383_312, 37_920, 314_415_872, (1000,), "fb21aa4a7f71"),
    "mnasnet1_3": (6_282_256, 48_816, 526_362_432, (1000,), "fb21aa4a7f71"),
    "mobilenet_v2": (3_504_872, 34_112, 300_774_272, (1000,), "d0fa4259c49f"),
    "mobilenet_v3_large": (5_483_032, 24_400, 216_589_760, (1000,), "3835c4d2abe4"),
    "mobilenet_v3_small": (2_542_856, 12_112, 56_510_400, (1000,), "c6d6ec77ac03"),
    "regnet_x_16gf": (54_278_536, 111_168, 15_940_755_456, (1000,), "559ab7b2f258"),
    "regnet_x_1_6gf": (9_190_136, 43_504, 1_602_849_792, (1000,), "b8925a34c525"),
    "regnet_x_32gf": (107_811_560, 162_016, 31_735_929_792, (1000,), "6da9c73b4a7e"),
    "regnet_x_3_2gf": (15_296_552, 62_560, 3_176_621_952, (1000,), "f2b93652745a"),
    "regnet_x_400mf": (5_495_976, 37_856, 413_812_608, (1000,), "9bd8910f23fe"),
    "regnet_x_800mf": (7_259_656, 37_312, 799_699_712, (1000,), "efe2fed39424"),
    "regnet_x_8gf": (39_572_648, 90_464, 7_995_132_416, (1000,), "11ee8a1b27f2"),
    "regnet_y_128gf": (644_812_894, 415_072, 127_517_815_680, (1000,), "d5152a9f6df4"),
    "regnet_y_16gf": (83_590_140, 122_816, 15_911_510_272, (1000,), "0f0aa327ab3a"),
    "regnet_y_1_6gf": (11_202_430, 52_672, 1_612_076_160, (1000,), "cbe3f7bf0b01"),
    "regnet_y_32gf": (145_046_770, 158_288, 32_279_552_832, (1000,), "aab97bdcbd0b"),
    "regnet_y_3_2gf": (19_436_338, 66_160, 3_176_482_752, (1000,), "3631f25da639"),
    "regnet_y_400mf": (4_344_144, 27_152, 401_842_848, (1000,), "e325cd3123a8"),
    "regnet_y_800mf": (6_432_512, 30_432, 833_856_256, (1000,), "d8a91492d02f"),
    "regnet_y_8gf": (39_381_472, 86_528, 8_473_070_592, (1000,), "ac432c2d92de"),
    "resnet101": (44_549_160, 105_344, 7_801_405_440, (1000,), "862d8e668e01"),
    "resnet152": (60_192_808, 151_424, 11_513_626_624, (1000,), "787238c1262e"),
    "resnet18": (11_689_512, 9_600, 1_814_073_344, (1000,), "1f53fdf2e1aa"),
    "resnet34": (21_797_672, 17_024, 3_663_761_408, (1000,), "afe0d8a88f4e"),
    "resnet50": (25_557_032, 53_120, 4_089_184_256, (1000,), "ffdf42b2cdf6"),
    "resnext101_32x8d": (88_791_336, 202_880, 16_414_015_488, (1000,), "862d8e668e01"),
    "resnext101_64x4d": (83_455_272, 202_880, 15_460_270_080, (1000,), "862d8e668e01"),
    "resnext50_32x4d": (25_028_904, 68_224, 4_230_479_872, (1000,), "ffdf42b2cdf6"),
    "shufflenet_v2_x0_5": (1_366_792, 7_952, 40_476_448, (1000,), "583f38a6729b"),
    "shufflenet_v2_x1_0": (2_278_604, 16_180, 144_907_992, (1000,), "583f38a6729b"),
    "shufflenet_v2_x1_5": (3_503_624, 23_440, 295_759_392, (1000,), "583f38a6729b"),
    "shufflenet_v2_x2_0": (7_393_996, 33_716, 583_253_464, (1000,), "583f38a6729b"),
    "squeezenet1_0": (1_248_424, 0, 818_924_576, (1000,), "7755c72f1713"),
    "squeezenet1_1": (1_235_496, 0, 349_151_936, (1000,), "615028f24286"),
    "vgg11": (132_863_336, 0, 7_609_090_048, (1000,), "48d52f58d1ef"),
    "vgg11_bn": (132_868_840, 5_504, 7_609_090_048, (1000,), "40b7ededdcb2"),
    "vgg13": (133_047_848, 0, 11_308_466_176, (1000,), "3a0ef258e8ff"),
    "vgg13_bn": (133_053_736, 5_888, 11_308_466_176, (1000,), "28fd88f422de"),
    "vgg16": (138_357_544, 0, 15_470_264_320, (1000,), "8f3a2b9b44d5"),
    "vgg16_bn": (138_365_992, 8_448, 15_470_264_320, (1000,), "0455972c367e"),
    "vgg19": (143_667_240, 0, 19_632_062_464, (1000,), "f9f22fb5f387"),
    "vgg19_bn": (143_678_248, 11_008, 19_632_062_464, (1000,), "90fcd5daec21"),
    "wide_resnet101_2": (126_886_696, 137_856, 22_753_050_624, (1000,), "862d8e668e01"),
    "wide_resnet50_2": (68_883_240, 68_224, 11_398_021_120, (1000,), "ffdf42b2cdf6"),
}


@pytest.mark.parametrize("name", sorted(TORCHVISION))
def test_every_builder_is_what_torchvision_itself_builds(name: str) -> None:
    from cnncalc.diagnostics import DiagnosticSink
    from cnncalc.readers.pytorch import _Reader
    from tests.measure_torchvision import SEGMENTATION, SIZES, names_digest
    params, statistics, macs, output, names = TORCHVISION[name]
    text = f"import torchvision\nmodel = torchvision.models.{'segmentation.' * (name in SEGMENTATION)}{name}()\n"
    size = SIZES.get(name, 224)
    report = analyze_text(text, "m.py", input=f"{size}x{size}x3")
    t = report.totals
    assert (t.params, t.non_trainable, t.macs, report.output.dims) == (params, statistics, macs, output)  # type: ignore[union-attr]
    reader = _Reader(text, DiagnosticSink())
    for stmt in ast.parse(text).body:
        reader.module_statement(stmt)
    assert names_digest([n for n, _ in reader.parameters_of(reader.globals["model"], "", 0)]) == names


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_every_builder_has_torchvisions_parameter_count(name: str) -> None:
    report = built(f"{name}()")
    assert report.ok, report.messages()  # type: ignore[attr-defined]
    assert report.totals.params == PUBLISHED[name]  # type: ignore[attr-defined]
    assert report.output.dims == (1000,)  # type: ignore[attr-defined]
    assert report.network == name  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(PUBLISHED_GMACS))
def test_every_builder_has_torchvisions_published_macs(name: str) -> None:
    report = built(f'{name}(weights="DEFAULT")', "299x299x3" if name == "inception_v3" else "224x224x3")
    assert round(report.totals.macs / 1e9, 2) == PUBLISHED_GMACS[name]  # type: ignore[attr-defined]


# torchvision's segmentation weights' meta: num_params and _ops (GMACs at 520x520), with the auxiliary FCN head
# the weights come with (none for LR-ASPP)
PUBLISHED_SEGMENTATION = {
    "fcn_resnet50": (35_322_218, 152.717), "fcn_resnet101": (54_314_346, 232.738),
    "deeplabv3_resnet50": (42_004_074, 178.722), "deeplabv3_resnet101": (60_996_202, 258.743),
    "deeplabv3_mobilenet_v3_large": (11_029_328, 10.452), "lraspp_mobilenet_v3_large": (3_221_538, 2.086),
}


@pytest.mark.parametrize("name", sorted(PUBLISHED_SEGMENTATION))
def test_segmentation_builders_with_weights_have_torchvisions_published_counts(name: str) -> None:
    params, gmacs = PUBLISHED_SEGMENTATION[name]
    report = built(f'segmentation.{name}(weights="DEFAULT")', "520x520x3")
    assert report.ok, report.messages()  # type: ignore[attr-defined]
    assert report.totals.params == params and round(report.totals.macs / 1e9, 3) == gmacs  # type: ignore[attr-defined]
    assert report.output.dims == (520, 520, 21) and report.network == name  # type: ignore[attr-defined]
    # the auxiliary head's output is the other output, at the input's size too
    sides = [r.output.dims for r in report.rows if r.kind == "side"]  # type: ignore[attr-defined]
    assert sides == ([] if name.startswith("lraspp") else [(520, 520, 21)])
    if name in ("fcn_resnet50", "deeplabv3_resnet50"):  # the specs, written from the papers and torchvision's words
        spec = analyze(SPECS / f"{name}.spec")
        assert (report.totals.params, report.totals.non_trainable, report.totals.macs) == \
            (spec.totals.params, spec.totals.non_trainable, spec.totals.macs)  # type: ignore[attr-defined]


def test_segmentation_returns_to_any_input_size_and_its_heads_can_be_replaced() -> None:
    # a 500x375 VOC image: the dilated ResNet-50 gives (500 + 6 - 7)//2 + 1 = 250, (250 + 2 - 3)//2 + 1 = 125,
    # then 63 (layer2, stride 2; layers 3 and 4 dilated), by 188, 94, 47; FCN's head resamples to 500x375 (an
    # `upsample 8` would give 504x376). The fine-tuning idiom replaces the last convolutions for 3 classes:
    # classifier[4] 512·3 + 3, aux_classifier[4] 256·3 + 3, in place of 512·21 + 21 and 256·21 + 21.
    text = ("import torchvision\nfrom torch import nn\n"
            "model = torchvision.models.segmentation.fcn_resnet50(weights='DEFAULT')\n"
            "model.classifier[4] = nn.Conv2d(512, 3, kernel_size=1)\n"
            "model.aux_classifier[4] = nn.Conv2d(256, 3, kernel_size=1)\n")
    report = analyze_text(text, "seg.py", input="500x375x3")
    assert report.ok, report.messages()
    assert report.output is not None and report.output.dims == (500, 375, 3)
    assert report.totals.params == 35_322_218 - (512 * 21 + 21) - (256 * 21 + 21) + (512 * 3 + 3) + (256 * 3 + 3)
    layer4 = [r.output.dims for r in report.rows if r.path.startswith("backbone_layer4_")]  # named as PyTorch names
    assert layer4[-1] == (63, 47, 2048)
    # a dilated ResNet with basic blocks is what torchvision refuses too
    bad = built("resnet18(replace_stride_with_dilation=[False, True, True])")
    assert [d.code for d in bad.diagnostics if d.severity == "error"] == ["E070"]  # type: ignore[attr-defined]
    assert "Dilation > 1 not supported in BasicBlock" in bad.diagnostics[0].message  # type: ignore[attr-defined]


@pytest.mark.parametrize("call, params, macs", [
    # measured with torch 2.14.1 and torchvision 0.29.1 (FlopCounterMode's FLOPs halved), at 224x224
    ("mobilenet_v3_large(reduced_tail=True)", 2_569_352, 182_302_720),
    ("mobilenet_v3_small(reduced_tail=True, dilated=True)", 1_099_672, 59_131_552),
    ("resnet50(replace_stride_with_dilation=[True, False, True])", 25_557_032, 22_162_178_048),
    ("resnext50_32x4d(replace_stride_with_dilation=[False, False, True])", 25_028_904, 6_210_224_128),
])
def test_builders_arguments_for_dense_prediction_are_torchvisions(call: str, params: int, macs: int) -> None:
    report = built(call)
    assert report.ok, report.messages()  # type: ignore[attr-defined]
    assert (report.totals.params, report.totals.macs) == (params, macs)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["vgg11", "vgg16_bn", "resnet18", "resnet50", "resnet152", "resnext50_32x4d",
                                  "wide_resnet50_2", "densenet121", "mobilenet_v2", "mobilenet_v3_large",
                                  "efficientnet_b0", "squeezenet1_1", "shufflenet_v2_x1_0", "mnasnet1_0",
                                  "regnet_x_400mf"])
def test_the_builders_agree_with_the_shipped_specs(name: str) -> None:
    # the specs were written from the papers' tables, independently of the Python definitions
    spec, model = analyze(SPECS / f"{name}.spec"), built(f"{name}()")
    assert (model.totals.params, model.totals.non_trainable, model.totals.macs) == \
        (spec.totals.params, spec.totals.non_trainable, spec.totals.macs)  # type: ignore[attr-defined]


def test_a_transfer_learning_script_freezes_the_backbone_and_replaces_the_head() -> None:
    # PyTorch's fine-tuning tutorial: ResNet-18 with pretrained weights, every parameter frozen, a new fc of
    # 512·2 + 2 = 1,026 parameters, the only ones trained. 11,689,512 - (512·1,000 + 1,000) + 1,026 in all;
    # the loss, the optimizer and the device are no part of the network.
    text = ("import torch\nimport torch.nn as nn\nfrom torchvision import models\n"
            "from torchvision.models import ResNet18_Weights\n\n"
            'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n'
            "model_ft = models.resnet18(weights=ResNet18_Weights.IMAGENET1K_V1)\n"
            "for param in model_ft.parameters():\n    param.requires_grad = False\n"
            "num_ftrs = model_ft.fc.in_features\nmodel_ft.fc = nn.Linear(num_ftrs, 2)\n"
            "model_ft = model_ft.to(device)\ncriterion = nn.CrossEntropyLoss()\n"
            "optimizer = torch.optim.SGD(model_ft.fc.parameters(), lr=0.001, momentum=0.9)\n")
    report = analyze_text(text, "finetune.py", input="224x224x3")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == []  # torchvision's own floors: notes
    t = report.totals
    assert t.params == 11_689_512 - 513_000 + 1_026 and t.trainable == 1_026
    assert t.frozen == t.params - 1_026 and t.non_trainable == 2 * (64 * 5 + 128 * 5 + 256 * 5 + 512 * 5)
    assert report.network == "resnet18" and report.output is not None and report.output.dims == (2,)


def test_a_classifier_replaced_by_index_a_part_frozen_and_one_unfrozen() -> None:
    # VGG-16 with its last Linear replaced (4096·5 + 5) and a first convolution for one channel (64·9 + 64);
    # features frozen, then their last convolution (512·512·9 + 512) trained again: trained are that
    # convolution and the classifier (25,088·4,096 + 4,096 + 4,096·4,096 + 4,096 + 20,485)
    text = ("import torchvision.models as models\nfrom torch import nn\n"
            "model = models.vgg16(pretrained=True)\n"
            "model.classifier[6] = nn.Linear(model.classifier[6].in_features, 5)\n"
            "model.features[0] = nn.Conv2d(1, 64, kernel_size=3, padding=1)\n"
            "model.features.requires_grad_(False)\n"
            "for p in model.features[28].parameters():\n    p.requires_grad = True\n")
    report = analyze_text(text, "vgg.py", input="224x224x1")
    assert report.ok, report.messages()
    classifier = 25_088 * 4_096 + 4_096 + 4_096 * 4_096 + 4_096 + 4_096 * 5 + 5
    assert report.totals.params == 138_357_544 - 4_097_000 + 20_485 - (64 * 27) + 64 * 9
    assert report.totals.trainable == 512 * 512 * 9 + 512 + classifier
    # the same frozen by the parameters' names, as PyTorch names them (`features.0.weight`): the same count
    named = text.replace("model.features.requires_grad_(False)\n", "for name, p in model.named_parameters():\n"
                         "    if name.startswith('features'):\n        p.requires_grad = False\n")
    report = analyze_text(named, "vgg.py", input="224x224x1")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == []
    assert report.totals.trainable == 512 * 512 * 9 + 512 + classifier
    # one tensor frozen, or a layer's weight without its bias, cannot be one layer's flag: W073 at the layer (here
    # built by the line that builds VGG-16), counted as trained
    one = text + "model.classifier[0].weight.requires_grad = False\n"
    report = analyze_text(one, "vgg.py", input="224x224x1")
    assert [(d.code, d.line) for d in report.diagnostics if d.severity != "note"] == [("W073", 3)]
    assert "some of the parameters of `fc 4096" in report.diagnostics[0].message
    assert report.totals.trainable == 512 * 512 * 9 + 512 + classifier
    weight = text + "for name, p in model.classifier.named_parameters():\n    if name == '0.weight':\n" \
                    "        p.requires_grad = False\n"
    report = analyze_text(weight, "vgg.py", input="224x224x1")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == ["W073"]
    assert "some of the parameters of `fc 4096" in report.diagnostics[0].message


def test_a_backbone_made_of_a_models_children_and_the_model_built_from_it() -> None:
    # `nn.Sequential(*list(resnet.children())[:-2])`: ResNet-18 without its pool and fc, 11,689,512 - (512·1,000 +
    # 1,000) = 11,176,512 parameters; then a 1x1 conv head 512·10 + 10 = 5,130, on its 7x7 map. The children were
    # listed as none (the backbone empty, the head on the input: E017), and ResNet-18 itself, whose parts the model
    # took, is no other model (no W077).
    text = ("import torch.nn as nn\nimport torchvision.models as models\nresnet = models.resnet18(weights=None)\n"
            "backbone = nn.Sequential(*list(resnet.children())[:-2])\n"
            "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.backbone = backbone\n        self.head = nn.Conv2d(512, 10, 1)\n"
            "    def forward(self, x):\n        return self.head(self.backbone(x))\nmodel = Net()\n")
    report = analyze_text(text, "m.py", input="224x224x3")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == [], report.messages()
    assert report.totals.params == 11_176_512 + 5_130
    assert report.output is not None and report.output.dims == (7, 7, 10)
    # named children, and a class's own: the same modules in the order PyTorch registers them
    named = text.replace("list(resnet.children())[:-2]", "[m for n, m in resnet.named_children() if n not in "
                                                         "('avgpool', 'fc')]")
    assert analyze_text(named, "m.py", input="224x224x3").totals.params == 11_176_512 + 5_130


def test_a_backbone_inside_a_model_class_and_builders_imported_by_name() -> None:
    # `from torchvision.models import resnet50`: ResNet-50's 25,557,032 less its fc (2,048·1,000 + 1,000),
    # an Identity in its place, then the class's own head 2,048·4 + 4; frozen in __init__ but for the head
    text = ("from torchvision.models import resnet50\nimport torch.nn as nn\n\nclass Net(nn.Module):\n"
            "    def __init__(self, n=4):\n        super().__init__()\n"
            "        self.backbone = resnet50(weights=None)\n        self.backbone.fc = nn.Identity()\n"
            "        for p in self.backbone.parameters():\n            p.requires_grad = False\n"
            "        self.head = nn.Linear(2048, n)\n\n    def forward(self, x):\n"
            "        return self.head(self.backbone(x))\n")
    report = analyze_text(text, "net.py", input="224x224x3")
    assert report.ok, report.messages()
    assert report.totals.params == 25_557_032 - 2_049_000 + 8_196 and report.totals.trainable == 8_196
    assert report.network == "Net"


def test_pretrained_weights_keep_torchvisions_thousand_classes() -> None:
    # torchvision refuses num_classes=10 with pretrained weights; cnncalc says so (E070) rather than guess
    report = built('resnet18(weights="DEFAULT", num_classes=10)')
    [e] = [d for d in report.diagnostics if d.severity == "error"]  # type: ignore[attr-defined]
    assert e.code == "E070" and "pretrained weights are for 1,000 classes" in e.message
    assert built("resnet18(num_classes=10)").totals.params == 11_689_512 - 513_000 + 5_130  # type: ignore[attr-defined]


def test_torch_hub_loads_torchvisions_models_and_other_models_are_named() -> None:
    hub = analyze_text('import torch\nmodel = torch.hub.load("pytorch/vision:v0.10.0", "resnet18", pretrained=True)\n',
                       "hub.py", input="224x224x3")
    assert hub.ok and hub.totals.params == 11_689_512 and hub.network == "resnet18"
    for text in ("import torchvision\nmodel = torchvision.models.vit_b_16()\n",
                 'import torch\nmodel = torch.hub.load("pytorch/vision", "vit_b_16")\n'):
        report = analyze_text(text, "m.py", input="224x224x3")
        assert [(d.code, d.line, d.message) for d in report.diagnostics] == [
            ("E070", 2, "not supported: torchvision's `vit_b_16` (cnncalc defines 74 of its models: "
                        "docs/notations.md lists them)")]


def test_googlenet_and_inception_v3_with_their_auxiliary_classifiers() -> None:
    # torchvision publishes GoogLeNet's 6,624,904 parameters without its two auxiliary classifiers (dropped once
    # pretrained weights are loaded); built without weights it keeps them, each a 1x1 convolution to 128 (no bias)
    # with its batch norm, fc 2,048 -> 1,024 and 1,024 -> 1,000: 512·128 + 256 + 2,098,176 + 1,025,000 on
    # inception4a's 512 channels, 528·128 + 256 + ... on inception4d's 528: training-only heads (`side train`)
    pretrained = built('googlenet(weights="DEFAULT")')
    assert pretrained.ok and pretrained.totals.params == 6_624_904  # type: ignore[attr-defined]
    heads = 2 * (128 * 2 + 2_048 * 1_024 + 1_024 + 1_024 * 1_000 + 1_000) + 128 * (512 + 528)
    scratch = built("googlenet()")
    assert scratch.totals.params == 6_624_904 + heads and scratch.totals.train_macs > 0  # type: ignore[attr-defined]
    assert scratch.totals.macs == pretrained.totals.macs  # type: ignore[attr-defined]
    # Inception v3 keeps its auxiliary classifier in the published 27,161,264; the spec written from the paper's
    # figures (specs/inception_v3.spec) has the same parameters, MACs and training-only MACs
    inception, spec = built('inception_v3(weights="DEFAULT")', "299x299x3"), analyze(SPECS / "inception_v3.spec")
    assert inception.totals.params == 27_161_264  # type: ignore[attr-defined]
    assert (inception.totals.macs, inception.totals.train_macs) == (spec.totals.macs, spec.totals.train_macs)  # type: ignore[attr-defined]


def test_the_transfer_learning_fixture() -> None:
    # MobileNet v2 (3,504,872) with a 3-class head (1,280·3 + 3 = 3,843 for 1,281,000), features frozen but the
    # last block, features[18]: a 1x1 convolution 320 -> 1,280 without bias (409,600) and its batch norm (2,560)
    report = analyze(FIXTURES / "transfer_learning.py", input="224x224x3")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == []
    assert report.totals.params == 3_504_872 - 1_281_000 + 3_843
    assert report.totals.trainable == 409_600 + 2_560 + 3_843


def test_a_first_convolution_replaced_for_one_channel_inside_a_block() -> None:
    # MobileNet v2's first block is a Conv2dNormActivation (an nn.Sequential): its convolution 3 -> 32 (27·32 =
    # 864 weights, no bias) replaced by one for grayscale images (9·32 = 288)
    report = built("mobilenet_v2()\nmodel.features[0][0] = nn.Conv2d(1, 32, 3, stride=2, padding=1, bias=False)",
                   "224x224x1", head="import torchvision\nfrom torch import nn\n")
    assert report.ok, report.messages()  # type: ignore[attr-defined]
    assert report.totals.params == 3_504_872 - 864 + 288  # type: ignore[attr-defined]


# Freezing idioms of fine-tuning scripts, measured with torch 2.14.1 and torchvision 0.29.1 running each script
# (`sum(p.numel() for p in model.parameters() if p.requires_grad)`; weights=None for the same network)
FREEZING = {
    # every parameter but fc's and layer4's, chosen by name; a new fc of 512·7 + 7
    "for name, param in model.named_parameters():\n    if 'fc' not in name and 'layer4' not in name:\n"
    "        param.requires_grad = False\nmodel.fc = nn.Linear(512, 7)\n": ("resnet34", 21_288_263, 13_117_959),
    # all but the last four tensors: the last two Linear layers' weights and biases
    "for param in list(model.parameters())[:-4]:\n    param.requires_grad = False\n":
        ("vgg16", 138_357_544, 4_096 * 4_096 + 4_096 + 4_096 * 1_000 + 1_000),
    # the first six children (conv1, bn1, relu, maxpool, layer1, layer2) by a counter
    "ct = 0\nfor child in model.children():\n    ct += 1\n    if ct < 7:\n"
    "        for param in child.parameters():\n            param.requires_grad = False\n":
        ("resnet18", 11_689_512, 11_006_440),
    # the features frozen, then their last dense block (reached by name) trained again
    "model.features.requires_grad_(False)\nmodel.features.denseblock4.requires_grad_(True)\n":
        ("densenet121", 7_978_856, 3_183_080),
}


@pytest.mark.parametrize("script", sorted(FREEZING))
def test_freezing_idioms_leave_what_pytorch_leaves_trainable(script: str) -> None:
    name, params, trainable = FREEZING[script]
    report = built(f"{name}(weights=None)\n{script}", head="import torchvision\nimport torch.nn as nn\n")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == []  # type: ignore[attr-defined]
    assert (report.totals.params, report.totals.trainable) == (params, trainable)  # type: ignore[attr-defined]


def test_a_freezing_loop_that_runs_away_is_stopped_where_it_does() -> None:
    # the step limit inside a loop that sets requires_grad is E070 at the loop that spends it, not W073
    text = ("import torch.nn as nn\n\nclass M(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.c = nn.Conv2d(3, 4, 3)\n        for p in self.parameters():\n"
            "            p.requires_grad = False\n            while True:\n                pass\n\n"
            "    def forward(self, x):\n        return self.c(x)\n")
    report = analyze_text(text, "m.py", input="8x8x3")
    assert [(d.code, d.line) for d in report.diagnostics] == [("E070", 9)]
    # a value that is no truth value, and a list of a hundred million copies: W073, nothing followed
    for body in ("for p in model.parameters():\n    p.requires_grad = p\n",
                 "for p in list(model.parameters()) * 100000000:\n    p.requires_grad = False\n"):
        report = built(f"resnet18()\n{body}")
        assert [d.code for d in report.diagnostics if d.severity != "note"] == ["W073"]  # type: ignore[attr-defined]
        assert report.totals.trainable == 11_689_512  # type: ignore[attr-defined]


def test_a_model_wrapped_for_several_devices_or_compiled_is_the_model() -> None:
    # nn.DataParallel, DistributedDataParallel and torch.compile run the model they wrap; `model.module` is it.
    # ResNet-18 with layer1 frozen (2·(2·36,864 + 2·128) = 147,968) and a new fc (512·3 + 3): torch 2.14.1 with
    # torchvision 0.29.1 counts 11,030,083 trainable of 11,178,051
    text = ("import torch\nimport torchvision\nfrom torch.nn.parallel import DistributedDataParallel as DDP\n"
            "model = torchvision.models.resnet18(weights=None)\nmodel = DDP(model, device_ids=[0])\n"
            "model = torch.compile(model)\nfor p in model.module.layer1.parameters():\n    p.requires_grad = False\n"
            "model.module.fc = torch.nn.Linear(512, 3)\n")
    report = analyze_text(text, "ddp.py", input="224x224x3")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == []
    assert report.totals.params == 11_689_512 - 513_000 + 1_539 == 11_178_051
    assert report.totals.trainable == 11_178_051 - 147_968 == 11_030_083
    wrapped = analyze_text(text.replace("DDP(model, device_ids=[0])", "torch.nn.DataParallel(model)"), "dp.py",
                           input="224x224x3")
    assert wrapped.totals.trainable == 11_030_083


def test_freezing_not_followed_is_w073_at_its_statement_in_words() -> None:
    head = "import torchvision\nimport torch.nn as nn\nmodel = torchvision.models.resnet18()\n"
    not_followed = ("W073", "cnncalc does not follow how this sets `requires_grad`: the parameters it freezes are "
                            "counted as trained",
                    "loop over `model.named_parameters()` (a name test may choose them), or freeze a whole part: "
                    "`model.features.requires_grad_(False)`")
    report = analyze_text(head + "model.fc.weight.requires_grad = args.tune\n", "m.py", input="224x224x3")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in report.diagnostics if d.severity != "note"] == [
        (not_followed[0], 4, 1, not_followed[1], not_followed[2])]
    # a weight frozen without its bias, in a loop or on its own: at the layer (a torchvision model's: where the
    # builder is called)
    partly = "for name, p in model.named_parameters():\n    if name == 'fc.weight':\n        p.requires_grad = False\n"
    for freezing in (partly, "model.fc.weight.requires_grad = False\n", "model.fc.weight.requires_grad_(False)\n"):
        report = analyze_text(head + freezing, "m.py", input="224x224x3")
        assert [(d.code, d.line, d.column, d.message, d.hint) for d in report.diagnostics if d.severity != "note"] == [
            ("W073", 3, 9, "some of the parameters of `fc 1000 inputs 512 noflatten` are frozen and some are not: "
                           "cnncalc counts them as trained", "freeze a layer's weight and bias together")], freezing
        assert report.totals.trainable == report.totals.params == 11_689_512
    # both of the layer's tensors, one statement each: the layer frozen (512·1,000 + 1,000)
    both = "model.fc.weight.requires_grad = False\nmodel.fc.bias.requires_grad = False\n"
    report = analyze_text(head + both, "m.py", input="224x224x3")
    assert [d.code for d in report.diagnostics if d.severity != "note"] == []
    assert report.totals.frozen == 513_000
    unknown = analyze_text("import torchvision\nmodel = torchvision.models.swin_t()\n", "m.py",
                           input="224x224x3")
    assert [(d.code, d.line, d.column) for d in unknown.diagnostics] == [("E070", 2, 9)]

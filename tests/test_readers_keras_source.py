"""Keras scripts (Python that builds a Sequential or functional model), read with `ast` and never run.

Every expected figure is worked out in the test from the layers' arithmetic."""
from __future__ import annotations

from pathlib import Path

import pytest

from cnncalc import analyze, analyze_text
from cnncalc.notations import detect, searched
from cnncalc.report import Report

IMPORTS = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notations"


def script(text: str) -> Report:
    return analyze_text(IMPORTS + text, "model.py", lang="keras")


def layer_rows(report: Report) -> list[tuple[str, tuple[int, ...] | None, int]]:
    return [(r.name, r.output.dims if r.output else None, r.params) for r in report.rows if r.kind == "layer"]


# The MNIST convnet of Keras' examples, written line by line: on 28x28x1, a 3x3 conv of 32 gives 26x26x32 with
# (3·3·1 + 1)·32 = 320 parameters; the 2x2 pool 13x13x32; a 3x3 conv of 64 gives 11x11x64 with (3·3·32 + 1)·64 =
# 18,496; flattened, 11·11·64 = 7,744 values; Dense(10): 7,744·10 + 10 = 77,450. In all 96,266.
MNIST_ADD = """
model = keras.models.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation='relu'))
model.add(layers.Flatten())
model.add(layers.Dense(10, activation='softmax'))
"""


def test_a_sequential_built_with_add() -> None:
    report = script(MNIST_ADD)
    assert report.ok, report.messages()
    assert report.input is not None and report.input.dims == (28, 28, 1)
    assert layer_rows(report) == [
        ("conv2d", (26, 26, 32), 320), ("conv2d_relu", (26, 26, 32), 0), ("max_pooling2d", (13, 13, 32), 0),
        ("conv2d_1", (11, 11, 64), 18_496), ("conv2d_1_relu", (11, 11, 64), 0), ("flatten", (7744,), 0),
        ("dense", (10,), 77_450), ("dense_softmax", (10,), 0)]
    assert report.totals.params == 320 + 18_496 + 77_450 == 96_266


def test_a_sequential_of_a_list_with_an_input_and_keywords() -> None:
    # the same network as a list, its input a keras.Input, arguments by keyword and a layer named by hand
    report = script("""
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(filters=32, kernel_size=3, activation="relu", name="first"),
    layers.MaxPool2D(pool_size=2),
    layers.Conv2D(64, kernel_size=(3, 3), activation=tf.nn.relu),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(units=10, activation="softmax"),
], name="mnist")
""")
    assert report.ok, report.messages()
    assert report.network == "mnist"
    assert [name for name, _, _ in layer_rows(report)] == [
        "first", "first_relu", "max_pooling2d", "conv2d", "conv2d_relu", "flatten", "dropout", "dense",
        "dense_softmax"]
    assert report.totals.params == 96_266


# A small ResNet in the functional API, its blocks made by a function in a loop, the shortcut's projection decided
# by `x.shape[-1]` (the channels cnncalc's own analysis gives x there). Trainable parameters, worked out:
#   stem conv 3x3, 3 -> 16, bias: 3·3·3·16 + 16 = 448
#   block (16, stride 1), no projection (16 channels in): convs 3x3 16->16 without bias 2·2,304, two BNs 2·32 = 4,672
#   block (32, stride 2): 3x3 16->32 4,608 + 3x3 32->32 9,216 + BNs 2·64 + 1x1 16->32 projection 512 = 14,464
#   block (64, stride 2): 3x3 32->64 18,432 + 3x3 64->64 36,864 + BNs 2·128 + 1x1 32->64 projection 2,048 = 57,600
#   Dense 64 -> 10: 650
# 448 + 4,672 + 14,464 + 57,600 + 650 = 77,834; the BNs' moving means and variances, non-trainable: 2·(16 + 16 +
# 32 + 32 + 64 + 64) = 448
RESNET = (FIXTURES / "keras_resnet_script.py").read_text()  # (the script itself: the notation fixtures' own)


def test_a_functional_model_with_blocks_made_by_a_function_in_a_loop() -> None:
    report = script(RESNET)
    assert report.network == "tiny_resnet"
    assert report.totals.params == 448 + 4_672 + 14_464 + 57_600 + 650 == 77_834
    assert report.totals.non_trainable == 448
    assert report.output is not None and report.output.dims == (10,)
    # the first block adds its input itself (16 channels, stride 1); the others project it: three 1x1 convolutions
    # would be 256 more parameters
    assert [r.name for r in report.rows if r.kind == "layer" and r.keyword == "conv" and r.layer is not None
            and r.layer.spec_text().startswith("conv") and "1x1" in r.layer.spec_text()] == ["conv2d_5", "conv2d_8"]
    outputs = {r.name: r.output.dims for r in report.rows if r.kind == "layer" and r.output is not None}
    assert outputs["conv2d_3"] == (16, 16, 32) and outputs["conv2d_6"] == (8, 8, 64)


def test_the_script_is_detected_and_found_by_a_directory_search(tmp_path: Path) -> None:
    text = IMPORTS + MNIST_ADD
    assert detect(text, "model.py") == "keras"
    assert detect("import torch\nfrom torch import nn\n" + text, "model.py") == "pytorch"
    assert searched("model.py", text) and not searched("utils.py", IMPORTS + "def f(): pass\n")
    (tmp_path / "model.py").write_text(text)
    report = analyze(tmp_path / "model.py")
    assert report.ok and report.totals.params == 96_266


@pytest.mark.parametrize("text, message, at", [
    # `at`: what the caret points at, its first occurrence in the script (`(1,` the script's start, before it)
    ("class Net(keras.Model):\n    pass\nmodel = Net()\nmodel.compile('adam')\n",
     "`Net` has no `call` method to follow", "Net()"),
    ("conv = layers.Conv2D(8, 3)\nx = keras.Input((8, 8, 3))\nseq = keras.Sequential([conv])\ny = conv(x)\n"
     "model = keras.Model(x, y)\n", "`conv2d` used twice (shared weights)", "conv(x)"),
    ("model = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(config.filters, 3)])\n",
     "`config.filters` for `filters`: a value cnncalc cannot work out", "config.filters"),
    ("model = keras.Sequential()\nif use_big:\n    model.add(layers.Dense(10))\n",
     "a model built under a condition cnncalc cannot decide", "use_big"),
    ("for i in range(10**9):\n    pass\n", "a loop of 1,000,000,000 steps", "range(10**9)"),
    ("def f(x):\n    return f(x)\nmodel = f(1)\n", "functions called inside each other deeper", "f(x)\n"),
    ("x = 1\n", "no Keras model built in the file", "from tensorflow"),
    ("model = keras.Sequential([layers.Conv2D(8, 3, 1, 'same', None, 1, 1, 'relu', True, 7)])\n",
     "`Conv2D` with 10 arguments by position", "layers.Conv2D"),
    ("model = keras.Sequential([layers.Bidirectional2D(8)])\n", "the Keras layer `Bidirectional2D`",
     "layers.Bidirectional2D"),
    # a model used twice shares its weights as a layer would; a model inside itself has no end
    ("base = keras.Sequential([layers.Conv2D(8, 3, padding='same')])\nx = keras.Input((8, 8, 3))\n"
     "y = base(x)\nz = base(y)\nmodel = keras.Model(x, z)\n", "the model `sequential` used twice", "base(y)"),
    ("model = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 3)])\nmodel.add(model)\n",
     "a model added to itself", "model.add(model)"),
    ("a = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 3)])\nb = keras.Sequential()\na.add(b)\n"
     "b.add(a)\nmodel = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 1)])\nb.trainable = False\n",
     "a model that holds itself", "keras.Sequential()"),
])
def test_what_a_script_does_that_cnncalc_cannot_follow_is_e070_at_its_place(text: str, message: str,
                                                                           at: str) -> None:
    refused_at(text, message, at)


def refused_at(text: str, message: str, at: str) -> None:
    """The script's first error is E070 saying `message`, its caret where `at` is first written (in the script
    after IMPORTS); nothing is summed from what was read before it."""
    report = script(text)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert errors and errors[0].code == "E070" and message in errors[0].message, report.messages()
    before = (IMPORTS + text)[:(IMPORTS + text).index(at)]
    assert (errors[0].line, errors[0].column) == (before.count("\n") + 1, len(before) - before.rfind("\n"))
    assert report.totals.params is None  # never the sum of what was read before


def test_a_syntax_error_is_e071_at_its_place() -> None:
    report = script("model = keras.Sequential([\n")
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E071"]
    assert "Python syntax" in report.diagnostics[0].message


def test_training_only_layers_with_their_arguments_are_identities() -> None:
    # RandomFlip and GaussianNoise act only while training; Rescaling scales: none has weights. Dense(4) on the 8x8x3
    # input flattened... no: on a map, Keras' Dense acts at each position, (3 + 1)·4 = 16 parameters
    report = script("model = keras.Sequential([keras.Input((8, 8, 3)), layers.RandomFlip('horizontal', seed=1),\n"
                    "    layers.GaussianNoise(0.1), layers.Rescaling(1.0 / 255), layers.Dense(4)])\n")
    assert report.ok, report.messages()
    assert [r.op for r in report.rows if r.kind == "layer"] == ["identity", "identity", "identity", "conv 4 1x1"]
    assert report.totals.params == 16


# A small U-Net: blocks by functions, the skips kept in a list and read back reversed. Parameters, worked out:
#   down 8:  3x3 1->8 (9 + 1)·8 = 80, 3x3 8->8 (72 + 1)·8 = 584; down 16: 8->16 1,168, 16->16 2,320;
#   down 32: 16->32 4,640, 32->32 9,248; middle 3x3 32->64: 18,496
#   up 32: 2x2/2 transposed 64->32 (4·64 + 1)·32 = 8,224; concatenated with the 32-channel skip, 3x3 64->32 18,464,
#          32->32 9,248; up 16: 32->16 2,064, 3x3 32->16 4,624, 16->16 2,320; up 8: 16->8 520, 16->8 1,160, 8->8 584
#   the 1x1 8->3 head: 27
# 83,771 in all, as Keras 3.15's count_params() says of this script; 96x80 halves to 12x10, comes back to 96x80,
# doubles to 192x160 and is cropped by 2 rows and 1 column a side: 188x158x3
UNET = (FIXTURES / "keras_unet_script.py").read_text()


def test_a_unet_whose_skips_are_kept_in_a_list() -> None:
    report = script(UNET)
    assert report.ok, report.messages()
    assert report.totals.params == (80 + 584 + 1_168 + 2_320 + 4_640 + 9_248 + 18_496 + 8_224 + 18_464 + 9_248 + 2_064
                                    + 4_624 + 2_320 + 520 + 1_160 + 584 + 27) == 83_771
    assert report.output is not None and report.output.dims == (188, 158, 3)
    assert [r.name for r in report.rows if r.kind == "layer"][-2:] == ["mask", "mask_softmax"]


@pytest.mark.parametrize("text, message", [
    # a value set under a condition cnncalc cannot decide is unknown after it, never the value before it
    ("f = 16\nif big:\n    f = 64\nmodel = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(f, 3)])\n",
     "`f` for `filters`: a value cnncalc cannot work out"),
    ("model = keras.Sequential([keras.Input((8, 8, 3))])\nwhile len(model.layers) < 3:\n"
     "    model.add(layers.Conv2D(8, 3))\n", "a model built in a `while` loop"),
    ("blocks = []\nblocks.sort()\n", "the list method `sort`"),
])
def test_what_the_script_may_change_unseen_is_never_taken_as_it_was(text: str, message: str) -> None:
    report = script(text)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert errors and errors[0].code == "E070" and message in errors[0].message, report.messages()


def test_a_scripts_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    from cnncalc import limits
    big = script("x = 1\n" * (limits.MAX_PYTHON_CHARS // 6 + 1))
    assert "a Python file of more than" in big.diagnostics[0].message
    # the ResNet with its test turned round reads three shapes, one per block (as written, `stride != 1 or …` reads
    # the first block's alone, as Python stops at the true stride): the model up to the first block is 2 layers (its
    # input and stem), up to the second 9, up to the third 17: 28 in all
    monkeypatch.setattr(limits, "MAX_SHAPE_LAYERS", 20)
    turned = RESNET.replace("stride != 1 or x.shape[-1] != filters", "x.shape[-1] != filters or stride != 1")
    assert turned != RESNET and script(RESNET).ok
    report = script(turned)
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["E070"]
    assert "tensor shapes read over more than 20 layers analysed" in report.diagnostics[0].message
    assert report.source.line_col(report.diagnostics[0].span.start)[0] == 17  # (`x.shape[-1]`, in the function)
    monkeypatch.setattr(limits, "MAX_READER_STEPS", 50)
    report = script("for i in range(100):\n    n = i\nmodel = keras.Sequential([keras.Input((8, 8, 3))])\n")
    assert "more than 50 statements to follow" in report.diagnostics[0].message


def test_names_imported_from_keras_and_values_in_variables() -> None:
    # Keras 2's MNIST example, its input shape in variables unpacked from a tuple: 28x28x1, a 3x3 conv of 32 (320),
    # a 3x3 conv of 64 ((3·3·32 + 1)·64 = 18,496) to 24x24x64, batch norm (2·64 trainable, 2·64 moving), a 2x2 pool
    # to 12x12x64, flattened 9,216, Dense(128): 9,216·128 + 128 = 1,179,776, Dense(10): 1,290. Trainable 320 +
    # 18,496 + 128 + 1,179,776 + 1,290 = 1,200,010; non-trainable 128 (Keras 3.15: the same)
    report = analyze_text("""from keras.models import Sequential
from keras.layers import Dense, Dropout, Flatten, Conv2D, MaxPooling2D, Activation, BatchNormalization
num_classes = 10
img_rows, img_cols = 28, 28
input_shape = (img_rows, img_cols, 1)
model = Sequential()
model.add(Conv2D(32, kernel_size=(3, 3), activation='relu', input_shape=input_shape))
model.add(Conv2D(64, (3, 3)))
model.add(BatchNormalization())
model.add(Activation('relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(128, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(num_classes, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adadelta', metrics=['accuracy'])
""", "mnist_cnn.py")
    assert report.ok, report.messages()
    assert report.totals.params == 320 + 18_496 + 128 + 1_179_776 + 1_290 == 1_200_010
    assert report.totals.non_trainable == 128
    assert [r.output.dims for r in report.rows if r.name in ("max_pooling2d", "flatten")] == [(12, 12, 64), (9216,)]


def test_something_unknown_applied_to_a_tensor_is_e070_where_it_is_called() -> None:
    report = script("base = keras.applications.MobileNetV2(include_top=False)\ninputs = keras.Input((96, 96, 3))\n"
                    "x = base(inputs)\nx = tf.nn.relu(x)\noutputs = layers.Dense(5)(x)\n"
                    "model = keras.Model(inputs, outputs)\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert error.code == "E070" and error.message.startswith("`base` applied to a tensor of the model")
    assert report.source.line_col(error.span.start)[0] == 5


def test_python_as_it_runs_names_loops_and_strings() -> None:
    # `conv` reads the module's `filters` (32), not its caller's parameter of that name; the loop stops at its
    # `break` after two blocks, skips the pool in its second (`continue`), and its `else` does not run; the layers are
    # named by f-strings, `%` and `format`; `sizes[1] = 4` changes the list. On 16x16x3: block 1's 3x3 conv of 32,
    # 'same', then its 2x2 pool to 8x8; block 2's conv; then the head, Dense(4) at each position
    report = script("""
filters = 32
sizes = [3, 3, 3]
sizes[1] = 4


def conv(x, name):
    return layers.Conv2D(filters, sizes[0], padding="same", name=name)(x)


def block(x, filters, i):
    return conv(x, f"block{i}_conv")


x = inputs = keras.Input((16, 16, 3))
for i in range(1, 5):
    x = block(x, 64, i)
    if i == 2:
        break
    if i % 2 == 0:
        continue
    x = layers.MaxPooling2D(name="pool%d" % i)(x)
else:
    x = layers.Dense(sizes[1], name="never")(x)
x = layers.Dense(sizes[1], name="head_{}".format(sizes[1]))(x)
model = keras.Model(inputs, x)
""")
    assert report.ok, report.messages()
    assert [(r.name, r.output.dims if r.output else None) for r in report.rows if r.kind == "layer"] == [
        ("block1_conv", (16, 16, 32)), ("pool1", (8, 8, 32)), ("block2_conv", (8, 8, 32)), ("head_4", (8, 8, 4))]
    # (3·3·3 + 1)·32 = 896, (3·3·32 + 1)·32 = 9,248, Dense(4) at each position: (32 + 1)·4 = 132
    assert report.totals.params == 896 + 9_248 + 132


@pytest.mark.parametrize("text, message", [
    ("n = 8\ndef grow():\n    global n\n    n = 16\ngrow()\n", "`global`, `nonlocal`"),
    ("def check(f):\n    if f < 0:\n        raise ValueError(f)\ncheck(-1)\n", "the script raises an exception"),
    # unpacked from something unknown: never the values the names had before
    ("f, k = 16, 3\nf, k = settings()\nmodel = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(f, k)])\n",
     "`f` for `filters`"),
])
def test_python_cnncalc_does_not_follow_is_never_guessed(text: str, message: str) -> None:
    report = script(text)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert errors and errors[0].code == "E070" and message in errors[0].message, report.messages()


def test_a_models_layers_frozen_popped_and_its_input_given_by_build() -> None:
    # On 30x30x3 (given by `build`): conv 3x3 16 (27 + 1)·16 = 448 to 28x28; batch norm 2·16 + 2·16 moving; conv 3x3/2
    # of 32, (144 + 1)·32 = 4,640, to 13x13; pooled; Dense(50) 32·50 + 50 = 1,650; Dense(99) popped; Dense(7) 357.
    # Frozen: the first four layers (448 + 32 + 4,640 = 5,120); trainable 1,650 + 357 = 2,007; the moving mean and
    # variance 32 more non-trainable: Keras 3.15 says 7,159 in all, 2,007 trainable, 5,152 non-trainable
    report = script("""
model = keras.Sequential()
model.add(layers.Conv2D(16, 3, activation="relu"))
model.add(layers.BatchNormalization())
model.add(layers.Conv2D(32, 3, strides=2, activation="relu"))
model.add(layers.GlobalAveragePooling2D())
model.add(layers.Dense(50))
model.add(layers.Dense(99))
model.pop()
model.add(layers.Dense(7))
model.build((None, 30, 30, 3))
for layer in model.layers[:-2]:
    layer.trainable = False
model.layers[-1].trainable = True
""")
    assert report.ok, report.messages()
    assert (report.totals.trainable, report.totals.frozen, report.totals.non_trainable) == (2_007, 5_120, 32)
    assert report.totals.params + report.totals.non_trainable == 7_159
    assert report.output is not None and report.output.dims == (7,)
    # set where cnncalc cannot follow, or on what it cannot tell: refused, never the split guessed
    for text in ("for layer in base_layers:\n    layer.trainable = False\nmodel = keras.Sequential([keras.Input((4,)), "
                 "layers.Dense(2)])\n", "thing.trainable = False\nmodel = keras.Sequential([keras.Input((4,)), "
                 "layers.Dense(2)])\n"):
        assert [d.code for d in script(text).diagnostics if d.severity == "error"] == ["E070"]


def test_an_expression_is_followed_once() -> None:
    # a layer made inside int_shape(...): made once, as Keras makes it (a second evaluation made a second ReLU, and
    # the one in the model was named `re_lu_2`, not Keras' `re_lu_1`). On 8x8x3: conv 3x3 of 8, (27 + 1)·8 = 224, to
    # 6x6x8; its channels name the head, Dense(8) at each position, (8 + 1)·8
    report = script("inputs = keras.Input((8, 8, 3))\nx = layers.Conv2D(8, 3)(inputs)\n"
                    "c = keras.backend.int_shape(layers.ReLU()(x))[-1]\n"
                    "y = layers.Dense(c, name='head_{}'.format(c))(x)\ny = layers.ReLU()(y)\n"
                    "model = keras.Model(inputs, y)\n")
    assert report.ok, report.messages()
    assert [r.name for r in report.rows if r.kind == "layer"] == ["conv2d", "head_8", "re_lu_1"]
    assert report.totals.params == 224 + (8 + 1) * 8


@pytest.mark.parametrize("call, message", [
    ("block(inputs)", "`block` called without `filters`"),  # (its body read the module's `filters`, 64, before)
    ("block(inputs, 8, 9)", "`block` given 3 arguments by position"),
    ("block(*args)", "a call with `*` of values cnncalc cannot work out"),  # (`args` is no list the script made)
    ("block(inputs, 8, filters=9)", "`block` given `filters` by position and by name"),
])
def test_a_function_called_as_python_would_refuse(call: str, message: str) -> None:
    report = script(f"filters = 64\ndef block(x, filters):\n    return layers.Conv2D(filters, 3)(x)\n"
                    f"inputs = keras.Input((8, 8, 3))\nmodel = keras.Model(inputs, {call})\n")
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert errors and errors[0].code == "E070" and message in errors[0].message, report.messages()


def test_a_functions_arguments_spread_from_a_list_and_a_dict() -> None:
    # `*[inputs]` and `**{"filters": 5}`: the 3x3 convolution of 5 on 8x8x3, (27 + 1)·5 = 140
    report = script("def block(x, filters):\n    return layers.Conv2D(filters, 3)(x)\n"
                    "inputs = keras.Input((8, 8, 3))\n"
                    "model = keras.Model(inputs, block(*[inputs], **{'filters': 5}))\n")
    assert report.ok and report.totals.params == 140, report.messages()


def test_a_functions_variable_arguments() -> None:
    # `*widths` binds the rest: convolutions of 4 and 6 filters, 3x3, on 8x8x2: (18 + 1)·4 = 76, (36 + 1)·6 = 222
    report = script("def stack(x, *widths):\n    for w in widths:\n        x = layers.Conv2D(w, 3, padding='same')(x)\n"
                    "    return x\ninputs = keras.Input((8, 8, 2))\nmodel = keras.Model(inputs, stack(inputs, 4, 6))\n")
    assert report.ok and report.totals.params == 76 + 222, report.messages()


def test_a_list_repeated() -> None:
    # `[4] * 3`: three 1x1 convolutions of 4 on 8x8x2, (2 + 1)·4 = 12, then (4 + 1)·4 = 20 twice
    report = script("x = inputs = keras.Input((8, 8, 2))\nfor w in [4] * 3:\n    x = layers.Conv2D(w, 1)(x)\n"
                    "model = keras.Model(inputs, x)\n")
    assert report.ok and report.totals.params == 12 + 20 + 20, report.messages()


def test_a_string_the_script_makes_is_bounded() -> None:
    # each `name + name` doubles it: 8 characters, 16, …, 1,024 > 1,000 on the eighth
    report = script("name = 'conv_abc'\nfor i in range(20):\n    name = name + name\n"
                    "model = keras.Sequential([keras.Input((4,)), layers.Dense(2, name=name)])\n")
    [error] = [d for d in report.diagnostics if d.severity == "error"]
    assert (error.code, error.line, error.column) == ("E070", 5, 12)
    assert error.message == "a string of more than 1,000 characters"


# Transfer learning's shape: an encoder built by a function as a functional model and frozen, then used as a layer of
# the model (`enc(x, training=False)`), and a head Sequential applied last. On 64x64x3: Rescaling keeps it; the
# encoder's 3x3 conv of 16, stride 2, 'same' gives 32x32x16 with (3·3·3 + 1)·16 = 448 parameters, its batch norm
# 2·16 = 32 trained (frozen here) and 2·16 = 32 running statistics, its 3x3 conv of 32, stride 2, gives 16x16x32 with
# (3·3·16 + 1)·32 = 4,640; a 1x1 conv of 48: (32 + 1)·48 = 1,584; the head's global pool 48 values and Dense(10)
# (48 + 1)·10 = 490. Keras' count_params: 448 + 64 + 4,640 + 1,584 + 490 = 7,226, of which 1,584 + 490 = 2,074
# trainable and 448 + 32 + 4,640 = 5,120 frozen.
NESTED = (FIXTURES / "keras_transfer_script.py").read_text()


def test_models_used_as_layers_of_a_functional_model() -> None:
    report = script(NESTED)
    assert report.ok, report.messages()
    convs = [(r.name, r.output.dims if r.output else None, r.params) for r in report.rows
             if r.kind == "layer" and r.keyword in ("conv", "fc")]
    assert convs == [("conv2d", (32, 32, 16), 448), ("conv2d_1", (16, 16, 32), 4_640),
                     ("conv2d_2", (16, 16, 48), 1_584), ("dense", (10,), 490)]
    assert report.totals.params == 448 + 32 + 4_640 + 1_584 + 490  # learnt: Keras' 7,226 less 32 statistics
    assert report.totals.non_trainable == 32 and report.totals.frozen == 448 + 32 + 4_640
    assert report.output is not None and report.output.dims == (10,)


# Sequentials inside Sequentials, one added after it is built and frozen through `model.layers[0]`, and a functional
# model added last. On 20x20x3: the block's 3x3 'same' conv of 8, (27 + 1)·8 = 224, its batch norm 16 trained and 16
# statistics; the pool 10x10x8; a 3x3 conv of 4 gives 8x8x4 with (72 + 1)·4 = 292; the functional model's 1x1 conv of
# 6 (4 + 1)·6 = 30; flattened 384, Dense(3) (384 + 1)·3 = 1,155. Keras: 1,733 parameters, 1,477 trainable, 256 not.
DEEP = """
block = keras.Sequential([layers.Conv2D(8, 3, padding="same"), layers.BatchNormalization(), layers.ReLU()])
inner = keras.Sequential([block, layers.MaxPooling2D(2)])
model = keras.Sequential()
model.add(keras.Input((20, 20, 3)))
model.add(inner)
model.add(layers.Conv2D(4, 3))
model.layers[0].trainable = False
given = keras.Input((8, 8, 4))
sub = keras.Model(given, layers.Conv2D(6, 1)(given))
model.add(sub)
model.add(layers.Flatten())
model.add(layers.Dense(3))
"""


def test_models_inside_sequentials_and_the_model_read_is_the_one_outside() -> None:
    report = script(DEEP)  # `sub`, built last, is inside `model`: `model` is read
    assert report.ok, report.messages()
    assert [(name, dims, params) for name, dims, params in layer_rows(report) if params] == [
        ("conv2d", (20, 20, 8), 224), ("batch_normalization", (20, 20, 8), 16), ("conv2d_1", (8, 8, 4), 292),
        ("conv2d_2", (8, 8, 6), 30), ("dense", (3,), 1_155)]
    assert report.totals.params + report.totals.non_trainable == 224 + 16 + 16 + 292 + 30 + 1_155 == 1_733
    assert report.totals.frozen == 224 + 16  # Keras' 256 non-trainable: these and the 16 statistics


CORRECT_PAD = """
def correct_pad(inputs, kernel_size):
    input_size = inputs.shape[1:3]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    adjust = (1 - input_size[0] % 2, 1 - input_size[1] % 2)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))

inputs = keras.Input((8, 7, 3))
x = layers.ZeroPadding2D(padding=correct_pad(inputs, 3))(inputs)
name = None or "stem"
x = layers.Conv2D(4, 3, strides=2, padding="same" if name == "other" else "valid", name=name)(x)
model = keras.Model(inputs, x)
"""


def test_keras_applications_pad_helper_and_pythons_conditions() -> None:
    # Keras applications' `correct_pad` (MobileNetV2, EfficientNet): on 8x7, adjust (1 - 8 % 2, 1 - 7 % 2) = (1, 0),
    # so ((1 - 1, 1), (1 - 0, 1)): 8 + 1 = 9 rows, 7 + 2 = 9 columns; `isinstance(kernel_size, int)` decided, the
    # tensor's `shape[1:3]` sliced, `None or "stem"` is "stem" (it was True), the conditional expression "valid":
    # conv 3x3 stride 2: (9 - 3)/2 + 1 = 4, (3·3·3 + 1)·4 = 112 parameters. Each was E070.
    report = script(CORRECT_PAD)
    assert report.ok, report.messages()
    assert layer_rows(report) == [("zero_padding2d", (9, 9, 3), 0), ("stem", (4, 4, 4), 112)]
    # a condition on what the script cannot know stays E070
    unknown = script(CORRECT_PAD.replace("isinstance(kernel_size, int)", "isinstance(kernel_size, Foo)"))
    assert [(d.code, *unknown.source.line_col(d.span.start), d.message) for d in unknown.diagnostics] == [
        ("E070", 6, 8, "a model built under a condition cnncalc cannot decide")]  # (the 2 import lines, then `if`)


def test_a_normalization_layer_adapted_to_data_or_given_its_statistics() -> None:
    # Keras' Normalization (EfficientNet's stem): adapted to data, its mean and variance per channel and its count
    # are non-trainable weights, 2·3 + 1 = 7; given as constants, they are no weights. conv 3 -> 4 3x3: 28·4 = 112
    text = ("model = keras.Sequential([keras.Input((8, 8, 3)), layers.Rescaling(1.0 / 255), {},\n"
            "                          layers.Conv2D(4, 3)])\n")
    adapted = script(text.format("layers.Normalization(axis=-1)"))
    assert adapted.ok, adapted.messages()
    assert (adapted.totals.params, adapted.totals.non_trainable) == (112, 7)
    given = script(text.format("layers.Normalization(mean=[0.5, 0.4, 0.3], variance=[0.1, 0.2, 0.3])"))
    assert given.ok and (given.totals.params, given.totals.non_trainable) == (112, 0)


def test_block_arguments_in_dicts_passed_on_with_double_stars() -> None:
    # (E070 before: a loop over dicts, `**args`, a chained comparison.) On 32x32x3: the stem 3·3·3·8 = 216 (no bias)
    # to 16x16x8. Block 1a (8 -> 8, no expansion, SE of max(1, int(8·0.25)) = 2): depthwise 9·8 = 72, BN 4·8 = 32,
    # SE 8·2 + 2 = 18 and 2·8 + 8 = 24, projection 8·8 = 64, BN 32, and the add: 242. Block 2a (8 -> 16, expanded to
    # 16, stride 2, no SE): 8·16 = 128, BN 64, depthwise 9·16 = 144, BN 64, 16·16 = 256, BN 64: 720, to 8x8x16.
    # Block 2b (its stride 1 and input 16 set by the loop; expanded to 32): 16·32 = 512, BN 128, 9·32 = 288, BN 128,
    # 32·16 = 512, BN 64, and the add: 1,632. The Dense 16·10 + 10 = 170. In all 2,980, of which the BNs' moving
    # statistics (half of each BN) 16 + 16 + 32·3 + 64 + 64 + 32 = 288 are not trained.
    report = analyze(FIXTURES / "keras_blocks_script.py")
    assert report.ok, report.messages()
    assert report.totals.all_params == 216 + 242 + 720 + 1632 + 170
    assert report.totals.non_trainable == 288
    names = [r.name for r in report.rows]
    assert [r.name for r in report.rows if r.kind == "layer"][:2] == ["stem", "block1a_dw"]
    assert "block1a_add" in names and "block2b_add" in names and "block2a_add" not in names
    assert report.output is not None and report.output.dims == (10,)
    dw = next(r for r in report.rows if r.name == "block2a_dw")
    assert dw.output is not None and dw.output.dims == (8, 8, 16)  # 16/2, `same`


@pytest.mark.parametrize(("edit", "words"), [
    ('x = block(x, "block{}{}_".format(i + 1, chr(j + 97)), rate=done / total, **args)',
     "a call with `**` of values cnncalc cannot work out"),
    ('x = block(x, "block{}{}_".format(i + 1, chr(j + 97)), rate=done / total, kernel=3, **args)',
     "`kernel` given twice, which Python refuses"),
    ("def block(x, name, cin, cout, kernel, stride, expand, se, **extra):",
     "`block` given `rate`, which it does not take (Python refuses it)")])
def test_arguments_spread_that_python_refuses_are_refused(edit: str, words: str) -> None:
    text = (FIXTURES / "keras_blocks_script.py").read_text()
    if "cannot work out" in words:
        text = text.replace(edit, edit.replace("**args", "**unknown_thing"))
    elif "rate" in words:  # (without `**extra`, the block takes no `rate`)
        text = text.replace(edit, edit.replace(", **extra)", ")"))
    else:
        text = text.replace('x = block(x, "block{}{}_".format(i + 1, chr(j + 97)), rate=done / total, **args)', edit)
    report = analyze_text(text, "model.py", lang="keras")
    found = [(d.code, d.message) for d in report.diagnostics if d.severity == "error"]
    assert len(found) == 1 and found[0][0] == "E070" and words in found[0][1], report.messages()
    # at the value spread (`**unknown_thing`, the `**args` that gives `kernel` again), or at the call Python refuses
    at = text.index("unknown_thing") if "cannot work out" in words else \
        text.index("args)", text.index("kernel=3")) if "twice" in words else text.index("block(x, \"block")
    before = text[:at]
    assert report.source.line_col(report.diagnostics[0].span.start) == (before.count("\n") + 1,
                                                                        at - before.rfind("\n"))


def test_comprehensions_dicts_and_values_changed_in_place() -> None:
    # widths [2·2, 4·2] = [4, 8] (3 left out); the kernel 3 + 2 = 5; two 5x5 'same' convolutions on 8x8x2, named
    # by the dict made from the names: (5·5·2 + 1)·4 = 204 and (5·5·4 + 1)·8 = 808
    report = script("widths = [w * 2 for w in [2, 3, 4] if w != 3]\ncfg = {'k': 3}\ncfg['k'] += 2\n"
                    "cfg.update({'p': 'same'})\nsizes = {name: w for name, w in zip(['a', 'b'], widths)}\n"
                    "x = inputs = keras.Input((8, 8, 2))\nfor name, w in sizes.items():\n"
                    "    x = layers.Conv2D(w, cfg.get('k', 1), padding=cfg['p'], name=name)(x)\n"
                    "model = keras.Model(inputs, x)\n")
    assert report.ok, report.messages()
    assert layer_rows(report) == [("a", (8, 8, 4), 204), ("b", (8, 8, 8), 808)]


def test_pythons_numeric_builtins_on_the_scripts_numbers() -> None:
    # round(7.6) = 8 filters and math.ceil(2.1) = 3 for the kernel, round(1.25, 1) = 1.2 (banker's), float(2) = 2.0:
    # a 3x3 convolution of 8 on 8x8x2, (3·3·2 + 1)·8 = 152
    report = script("import math\nn = round(7.6)\nk = math.ceil(2.1)\nassert round(1.25, 1) == 1.2\n"
                    "x = inputs = keras.Input((8, 8, 2))\nx = layers.Conv2D(n, k)(x)\nmodel = keras.Model(inputs, x)\n")
    assert report.ok, report.messages()
    assert layer_rows(report) == [("conv2d", (6, 6, 8), 152)]


def test_a_layers_arguments_spread_from_a_dict() -> None:
    # `Conv2D(8, **conv)` with conv = {"kernel_size": 3, "padding": "same", "use_bias": False}: 3·3·2·8 = 144 on
    # 8x8x2, 'same'; a dict holding something cnncalc cannot work out for a key it reads is E070 at the spread
    text = ("conv = {'kernel_size': 3, 'padding': 'same', 'use_bias': False}\nx = inputs = keras.Input((8, 8, 2))\n"
            "x = layers.Conv2D(8, **conv)(x)\nmodel = keras.Model(inputs, x)\n")
    report = script(text)
    assert report.ok, report.messages()
    assert layer_rows(report) == [("conv2d", (8, 8, 8), 144)]
    unknown = text.replace("'same'", "padding_of(2)")
    report = script(unknown)
    errors = [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics if d.severity == "error"]
    assert errors == [("E070", 5, len("x = layers.Conv2D(8, **") + 1)]  # (after the imports' two lines)


@pytest.mark.parametrize(("line", "words"), [("break", "'break' outside loop"),
                                             ("return 3", "'return' outside function")])
def test_a_statement_python_refuses_where_it_stands_is_a_syntax_error(line: str, words: str) -> None:
    # Python compiles the file before running it, and refuses these: no model, whatever the rest builds (a
    # `break` at the top level was an internal error)
    report = script(f"{line}\nmodel = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(8, 3)])\n")
    assert [(d.code, *report.source.line_col(d.span.start)) for d in report.diagnostics] == [("E071", 3, 1)]
    assert words in report.diagnostics[0].message


@pytest.mark.parametrize(("text", "words"), [
    ("n = int(1e308 * 10)\n", "a value cnncalc cannot work out"),  # int(inf): Python raises
    ("n = int(-1e308 * 10)\n", "a value cnncalc cannot work out"),
    ("n = 0\nfor i in range(int(1e300)):\n    n = i\n", "a loop of more than 2^63 steps"),
    # Python works out 10^(10^8) for this (it ran for minutes): rounded to at most 400 digits either way
    ("n = round(5, -10 ** 8)\n", "a value cnncalc cannot work out")])
def test_numbers_python_cannot_count_to_are_refused(text: str, words: str) -> None:
    # (each was an internal error: Python's own OverflowError)
    report = script(text + "x = inputs = keras.Input((8, 8, 3))\nx = layers.Conv2D(n, 3)(x)\n"
                           "model = keras.Model(inputs, x)\n")
    found = [(d.code, d.message) for d in report.diagnostics if d.severity == "error"]
    assert len(found) == 1 and found[0][0] == "E070" and words in found[0][1], report.messages()


@pytest.mark.parametrize(("line", "words"), [
    # nested loops that keep nothing are bounded by the statements followed, as `for` loops are
    ("n = [0 for a in range(200000) for b in range(200000) if a < 0]",
     "more than 200,000 steps to follow (a comprehension too long to read)"),
    ("d = {'a': 1}\nd.pop({})", "the dict method `pop` here (of a key that is no name or number)")])
def test_a_comprehension_and_a_dicts_method_refuse_what_cannot_be_followed(line: str, words: str) -> None:
    # (the first ran for hours; the second was an internal error, a dict as a key)
    report = script(f"{line}\nmodel = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(8, 3)])\n")
    found = [(d.code, d.line, d.column, d.message) for d in report.diagnostics if d.severity == "error"]
    last = line.split("\n")[-1]
    # after the imports' two lines: the comprehension's `[` (after `n = `), or the call `d.pop({})`
    assert [(code, row, col) for code, row, col, _ in found] == [
        ("E070", 2 + line.count("\n") + 1, 5 if last.startswith("n =") else 1)] and words in found[0][3]


def test_a_layer_applied_twice_shares_its_weights_as_keras_counts_them() -> None:
    # CBAM's channel gate as Keras ports write it: two Dense layers made once, each applied to the average and to the
    # maximum. Keras counts their weights once: conv (27 + 1)·8 = 224, dense (8 + 1)·2 = 18, (2 + 1)·8 = 24: 266;
    # the MACs of each application: 8·8·8·27, then 2·(8·2 + 2·8)
    text = ("x = keras.Input((8, 8, 3))\nc = layers.Conv2D(8, 3, padding='same')(x)\n"
            "one = layers.Dense(2, activation='relu')\ntwo = layers.Dense(8)\n"
            "avg = two(one(layers.GlobalAveragePooling2D()(c)))\nmax_ = two(one(layers.GlobalMaxPooling2D()(c)))\n"
            "gate = layers.Reshape((1, 1, 8))(layers.Activation('sigmoid')(layers.Add()([avg, max_])))\n"
            "model = keras.Model(x, layers.Multiply()([c, gate]))\n")
    report = script(text)
    assert report.ok, report.messages()
    assert report.totals.params == 224 + 18 + 24 and report.totals.macs == 8 * 8 * 8 * 27 + 2 * (8 * 2 + 2 * 8)
    assert [r.params for r in report.rows if r.shares] == [0, 0]
    # a convolution applied to its own output: 8 channels where it was built for 3, which Keras refuses (E064 at
    # the second application)
    text = "conv = layers.Conv2D(8, 3)\nx = keras.Input((8, 8, 3))\nz = conv(conv(x))\nmodel = keras.Model(x, z)\n"
    report = script(text)
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E064"] and "receives 6x6x8" in errors[0].message
    before = (IMPORTS + text)[:(IMPORTS + text).index("conv(conv(x))")]
    assert (errors[0].line, errors[0].column) == (before.count("\n") + 1, len(before) - before.rfind("\n"))


def test_cbams_channel_attention_as_keras_ports_write_it() -> None:
    # kobiso's CBAM: two Dense layers made once per block, applied to the average and the maximum each reshaped to
    # 1x1xC (Dense on a map: a 1x1 convolution). Keras counts: conv (27 + 1)·32 = 896; block 1 (32 + 1)·4 +
    # (4 + 1)·32 = 292; conv (288 + 1)·64 = 18,496; block 2 (64 + 1)·8 + (8 + 1)·64 = 1,096; head (64 + 1)·10 = 650
    text = ("def attention(x, ratio=8):\n    channel = x.shape[-1]\n"
            "    one = layers.Dense(channel // ratio, activation='relu')\n    two = layers.Dense(channel)\n"
            "    a = two(one(layers.Reshape((1, 1, channel))(layers.GlobalAveragePooling2D()(x))))\n"
            "    m = two(one(layers.Reshape((1, 1, channel))(layers.GlobalMaxPooling2D()(x))))\n"
            "    return layers.multiply([x, layers.Activation('sigmoid')(layers.Add()([a, m]))])\n"
            "inp = keras.Input((32, 32, 3))\nx = attention(layers.Conv2D(32, 3, padding='same')(inp))\n"
            "x = attention(layers.Conv2D(64, 3, strides=2, padding='same')(x))\n"
            "model = keras.Model(inp, layers.Dense(10)(layers.GlobalAveragePooling2D()(x)))\n")
    report = script(text)
    assert report.ok, report.messages()
    assert report.totals.params == 896 + 292 + 18496 + 1096 + 650 == 21430
    assert sum(1 for r in report.rows if r.shares) == 4


ECA = """import math
def eca(x, channels, gamma=2, b=1):
    t = int(abs((math.log(channels, 2) + b) / gamma))
    k = t if t % 2 else t + 1
    y = layers.GlobalAveragePooling2D()(x)
    y = layers.Reshape((-1, 1))(y)
    y = layers.Conv1D(1, kernel_size=k, padding="same", use_bias=False)(y)
    y = layers.Activation("sigmoid")(y)
    y = layers.Reshape((1, 1, -1))(y)
    return layers.Multiply()([x, y])
inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(64, 3, padding="same", activation="relu")(inputs)
x = eca(x, 64)
x = layers.Conv2D(256, 3, strides=2, padding="same", activation="relu")(x)
x = eca(x, 256)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(10)(x))
"""


def test_eca_gates_as_keras_ports_write_them() -> None:
    # ECA-Net's gate in Keras: the pooled vector reshaped to a sequence of one channel, a Conv1D of one filter along
    # it ('same': (K - 1)/2 zeros at each end), a sigmoid, reshaped to 1x1xC and multiplied. It was E070 at the
    # Conv1D. The length from the channels: |log2(64) + 1|/2 = 3.5 -> 3; |log2(256) + 1|/2 = 4.5 -> 4, made odd 5
    report = script(ECA)
    assert report.ok, report.messages()
    assert [(r.op, r.params, r.macs) for r in report.rows if r.keyword == "channelconv"] == [
        ("channelconv 3 pad 1 nobias", 3, 64 * 3), ("channelconv 5 pad 2 nobias", 5, 256 * 5)]
    # conv (27 + 1)·64; conv (9·64 + 1)·256; Dense (256 + 1)·10; the gates' 3 and 5
    assert report.totals.params == 28 * 64 + 577 * 256 + 257 * 10 + 3 + 5
    assert report.output is not None and report.output.dims == (10,)


@pytest.mark.parametrize("old, new, words", [
    ('layers.Conv1D(1, kernel_size=k, padding="same"', 'layers.Conv1D(8, kernel_size=k, padding="same"',
     "a Conv1D with filters=8"),
    ('padding="same", use_bias', 'padding="same", strides=2, use_bias', "a Conv1D with strides=2"),
    ("k = t if t % 2 else t + 1", "k = 4", "a Conv1D padding 'same' of an even kernel, 4 (Keras pads it unevenly"),
    ("y = layers.Conv1D(", "y = layers.Conv1D(1, 3)(x)\n    y = layers.Conv1D(",
     "a Conv1D on other than a pooled vector reshaped to (-1, 1)"),
])
def test_a_conv1d_other_than_ecas_is_e070_saying_what_is_followed(old: str, new: str, words: str) -> None:
    assert old in ECA
    text = ECA.replace(old, new, 1)
    report = script(text)
    assert [d.code for d in report.diagnostics if d.severity == "error"][:1] == ["E070"]
    assert words in report.diagnostics[0].message, report.messages()
    before = (IMPORTS + text)[:(IMPORTS + text).index("layers.Conv1D(")]  # at the first Conv1D, the one refused
    assert (report.diagnostics[0].line, report.diagnostics[0].column) == \
        (before.count("\n") + 1, len(before) - before.rfind("\n"))


DENSENET121 = """from tensorflow.keras import backend
def conv_block(x, growth_rate, name):
    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1
    y = layers.BatchNormalization(axis=bn_axis, epsilon=1.001e-5, name=name + "_0_bn")(x)
    y = layers.Activation("relu", name=name + "_0_relu")(y)
    y = layers.Conv2D(4 * growth_rate, 1, use_bias=False, name=name + "_1_conv")(y)
    y = layers.BatchNormalization(axis=bn_axis, epsilon=1.001e-5, name=name + "_1_bn")(y)
    y = layers.Activation("relu", name=name + "_1_relu")(y)
    y = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=name + "_2_conv")(y)
    return layers.Concatenate(axis=bn_axis, name=name + "_concat")([x, y])
def dense_block(x, blocks, name):
    for i in range(blocks):
        x = conv_block(x, 32, name=name + "_block" + str(i + 1))
    return x
def transition_block(x, reduction, name):
    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1
    x = layers.BatchNormalization(axis=bn_axis, epsilon=1.001e-5, name=name + "_bn")(x)
    x = layers.Activation("relu", name=name + "_relu")(x)
    x = layers.Conv2D(int(backend.int_shape(x)[bn_axis] * reduction), 1, use_bias=False, name=name + "_conv")(x)
    return layers.AveragePooling2D(2, strides=2, name=name + "_pool")(x)
inputs = layers.Input(shape=(224, 224, 3))
x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)))(inputs)
x = layers.Conv2D(64, 7, strides=2, use_bias=False, name="conv1/conv")(x)
x = layers.BatchNormalization(axis=3, epsilon=1.001e-5, name="conv1/bn")(x)
x = layers.Activation("relu", name="conv1/relu")(x)
x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)))(x)
x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
for blocks, stage in ((6, 2), (12, 3), (24, 4)):
    x = transition_block(dense_block(x, blocks, name=f"conv{stage}"), 0.5, name=f"pool{stage}")
x = dense_block(x, 16, name="conv5")
x = layers.BatchNormalization(axis=3, epsilon=1.001e-5, name="bn")(x)
x = layers.Activation("relu", name="relu")(x)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
model = keras.Model(inputs, layers.Dense(1000, activation="softmax", name="predictions")(x), name="densenet121")
"""


def test_densenet121_as_keras_applications_write_it_reads_its_published_count() -> None:
    # `bn_axis = 3 if backend.image_data_format() == "channels_last" else 1` (Keras' default: channels last) and a
    # transition's filters from its input, `int(backend.int_shape(x)[bn_axis] * reduction)`: `image_data_format` was
    # E070. Keras' DenseNet121 reports 8,062,504 parameters, 7,978,856 of them trainable (its applications table and
    # `model.summary()`): the other 83,648 are its batch norms' running means and variances
    report = script(DENSENET121)
    assert report.ok, report.messages()
    assert report.totals.params == 7_978_856
    assert report.totals.params + report.totals.non_trainable == 8_062_504


# Arithmetic and functions on the model's tensors, as Keras 3 makes them operations: on 16x16x3, `inputs / 255.0`
# and `2.0 * x` keep the shape and learn nothing; a 3x3 conv of 8 'same', (3·3·3 + 1)·8 = 224; SE written with
# `keras.ops.mean(..., keepdims=True)`, two 1x1 convs (8·2 + 2 = 18, 2·8 + 8 = 24), `keras.ops.relu` and hard
# sigmoid written out (`ReLU(6.0)(s + 3.0) * (1.0 / 6.0)`), the map times the gate (`x * s`), the block's input
# plus that (`x + y`); `tf.reduce_mean` over the height and width as a vector; Dense(10): 8·10 + 10 = 90.
OPERATIONS = (FIXTURES / "keras_operations_script.py").read_text()


def test_arithmetic_and_functions_on_tensors_are_the_operations_keras_makes() -> None:
    report = analyze(FIXTURES / "keras_operations_script.py")
    assert report.ok and not report.diagnostics, report.messages()
    assert report.totals.params == 224 + 18 + 24 + 90 and report.output is not None and report.output.dims == (10,)
    ops = {r.name: r.op for r in report.rows if r.kind == "layer"}
    # named as Keras 3 names them (its own JSON of this model has these names)
    assert [ops[n] for n in ("true_divide", "multiply", "add", "multiply_1", "relu", "relu_1")] == \
        ["identity", "identity", "identity", "identity", "relu", "relu"]
    assert ops["mean"] == "globalavgpool" and ops["mean_1"] == "globalavgpool" and ops["mean_1_flatten"] == "flatten"
    joins = [(r.keyword, r.output.dims if r.output else None) for r in report.rows if r.kind == "join"]
    assert joins == [("mul", (16, 16, 8)), ("add", (16, 16, 8))]  # (in walk order: the gate inside the residual)


@pytest.mark.parametrize("line, words", [
    ("x = x / x", "`x / x`: cnncalc follows +, - and * of two tensors"),
    ("x = x ** 2", "`x ** 2`: cnncalc follows"),
    ("x = tf.nn.relu(x, name='r')", "`tf.nn.relu` with name"),
    ("x = tf.reduce_mean(x, axis=[3], keepdims=True)", "a mean over axis [3]"),
])
def test_arithmetic_and_functions_on_tensors_it_does_not_follow_are_e070_at_their_line(line: str,
                                                                                      words: str) -> None:
    text = OPERATIONS.replace("x = tf.nn.relu(x)\n", line + "\n")
    report = analyze_text(text, "model.py", lang="keras")
    [e] = [d for d in report.diagnostics if d.severity == "error"]
    assert e.code == "E070" and words in e.message, e.message
    assert e.line == text.splitlines().index(line) + 1


# A subclassed model (the fixture, which Keras 3 itself runs): on 32x32x3,
#   stem, 3x3 conv 3 -> 8 'same' with bias: 3·3·3·8 + 8 = 224
#   block (8, stride 1): 8 channels in, no projection; two 3x3 convs 8 -> 8 without bias 2·576, two BNs 2·(4·8):
#     1,216, of which the BNs' moving means and variances 2·16 = 32 non-trainable
#   block (16, stride 2): 3x3 8 -> 16 1,152, 3x3 16 -> 16 2,304, BNs 2·(4·16) = 128, and the projection `build`
#     adds (its input's 8 channels are not 16), 1x1 8 -> 16 without bias, 128: 3,712, 64 non-trainable
#   Refine: one 3x3 16 -> 16 with bias, 2,320, applied twice (its weights once)
#   Dense 16 -> 10: 170
# 224 + 1,216 + 3,712 + 2,320 + 170 = 7,642 (Keras' `count_params()`), 96 non-trainable. MACs (output pixels ·
# kernel area · input channels · filters): stem 32·32·27·8 = 221,184; block one 2·(32·32·72·8) = 1,179,648; block
# two 16·16·72·16 = 294,912, 16·16·144·16 = 589,824, projection 16·16·8·16 = 32,768; Refine 2·589,824; Dense 160.
def test_a_subclassed_model_of_layer_classes_is_read_as_keras_runs_it() -> None:
    report = analyze(FIXTURES / "keras_subclassed_script.py")
    assert report.ok, report.messages()
    assert report.network == "small_resnet" and report.input is not None and report.input.dims == (32, 32, 3)
    assert report.totals.params + report.totals.non_trainable == 224 + 1_216 + 3_712 + 2_320 + 170 == 7_642
    assert report.totals.non_trainable == 2 * 16 + 2 * 32 == 96
    assert report.totals.macs == 221_184 + 1_179_648 + 294_912 + 589_824 + 32_768 + 2 * 589_824 + 160
    assert report.output is not None and report.output.dims == (10,)
    convs = [r for r in report.rows if r.kind == "layer" and r.keyword == "conv"]
    # the projection only in the second block, made last (by `build`, when the model is first called: Keras names it
    # so too), and the refining convolution's second use sharing the first's weights
    assert [(r.name, r.params) for r in convs if "1x1" in r.op] == [("conv2d_6", 128)]
    assert [r.params for r in convs if r.name.startswith("conv2d_5")] == [2_320, 0]


def test_a_tf_keras_subclassed_model_built_on_an_example_array() -> None:
    # TensorFlow's style: `super(Cls, self).__init__()`, `tf.nn.relu`, `tf.concat`, `tf.zeros`, a property. On
    # 64x64x1, 3x3 convs 'same' with bias: 1 -> 16 160, 16 -> 16 2,320; 16 -> 32 4,640, 32 -> 32 9,248; the skip's 16
    # channels and the upsampled 32 concatenated, 48 -> 16 6,928, 16 -> 16 2,320; the 1x1 head 16 -> 2, 34
    report = script("""
import tensorflow as tf


class DoubleConv(tf.keras.layers.Layer):
    def __init__(self, filters):
        super(DoubleConv, self).__init__()
        self.c1 = tf.keras.layers.Conv2D(filters, 3, padding="same")
        self.c2 = tf.keras.layers.Conv2D(filters, 3, padding="same")

    def call(self, x):
        return tf.nn.relu(self.c2(tf.nn.relu(self.c1(x))))


class TinyUNet(tf.keras.Model):
    base = 16

    def __init__(self):
        super(TinyUNet, self).__init__()
        self.down1 = DoubleConv(self.base)
        self.pool = tf.keras.layers.MaxPool2D()
        self.down2 = DoubleConv(self.wide)
        self.up = tf.keras.layers.UpSampling2D()
        self.fuse = DoubleConv(self.base)
        self.head = tf.keras.layers.Conv2D(2, 1)

    @property
    def wide(self):
        return 2 * self.base

    def call(self, inputs, training=False):
        skip = self.down1(inputs)
        x = self.down2(self.pool(skip))
        x = tf.concat([skip, self.up(x)], axis=-1)
        return self.head(self.fuse(x))


model = TinyUNet()
_ = model(tf.zeros([1, 64, 64, 1]))
model.summary()
""")
    assert report.ok, report.messages()
    assert report.network == "tiny_u_net"
    assert report.totals.params == 160 + 2_320 + 4_640 + 9_248 + 6_928 + 2_320 + 34 == 25_650
    assert report.output is not None and report.output.dims == (64, 64, 2)
    assert [r.output.dims for r in report.rows if r.kind == "join" and r.output] == [(64, 64, 48)]


def test_a_subclassed_model_built_by_build_or_on_an_input_or_with_the_functional_api() -> None:
    # a 3x3 conv 3 -> 8 without padding, (27 + 1)·8 = 224, on 10x10x3: 8x8x8
    model = """
class Net(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(8, 3)

    def call(self, x):
        return self.conv(x)


"""
    built = [script(model + "size = (10, 10)\nmodel = Net(name='net')\nmodel.build((None, *size, 3))\n"),
             script(model + "inputs = keras.Input((10, 10, 3))\nmodel = keras.Model(inputs, Net()(inputs))\n"),
             script(model + "net = Net()\nnet(keras.Input(shape=(10, 10, 3)))\n"),
             script("""
class Net(keras.Model):
    def __init__(self):
        inputs = keras.Input((10, 10, 3))
        super().__init__(inputs, layers.Conv2D(8, 3)(inputs), name="net")


model = Net()
""")]
    for report in built:
        assert report.ok, report.messages()
        assert report.totals.params == 224 and report.output is not None and report.output.dims == (8, 8, 8)
    assert built[0].network == "net" and built[3].network == "net"


SUBCLASS_HEAD = "class M(keras.Model):\n    def __init__(self):\n        super().__init__()\n"


@pytest.mark.parametrize("text, message, at", [
    ("class Scale(layers.Layer):\n    def build(self, input_shape):\n"
     "        self.w = self.add_weight(shape=(input_shape[-1],))\n    def call(self, x):\n        return x\n"
     + SUBCLASS_HEAD + "        self.s = Scale()\n    def call(self, x):\n        return self.s(x)\n"
     "model = M()\nmodel.build((None, 8, 8, 3))\n", "a weight made with add_weight that the model does not use",
     "self.add_weight"),
    # a weight used other than as a scale per channel: added, or of a whole map's shape; its shape by position
    (SUBCLASS_HEAD + "        self.b = self.add_weight(shape=(3,))\n    def call(self, x):\n        return x + self.b\n"
     "model = M()\nmodel.build((None, 8, 8, 3))\n", "followed only as a scale per channel", "x + self.b"),
    (SUBCLASS_HEAD + "        self.b = self.add_weight(shape=(8, 8, 3))\n    def call(self, x):\n"
     "        return x * self.b\nmodel = M()\nmodel.build((None, 8, 8, 3))\n", "followed only as a scale per channel",
     "x * self.b"),
    (SUBCLASS_HEAD + "        self.b = self.add_weight((3,))\n    def call(self, x):\n        return x * self.b\n"
     "model = M()\nmodel.build((None, 8, 8, 3))\n", "without a shape of whole numbers given by name",
     "self.add_weight"),
    (SUBCLASS_HEAD + "        self.c = layers.Conv2D(8, 3)\nmodel = M()\nmodel.build((None, 8, 8, 3))\n",
     "`M` has no `call` method to follow", "model.build"),
    (SUBCLASS_HEAD + "        self.c = layers.Conv2D(8, 3)\n    def call(self, x):\n        return self(x)\n"
     "model = M()\nmodel.build((None, 8, 8, 3))\n", "functions called inside each other deeper", "self(x)"),
    (SUBCLASS_HEAD + "        self.c = layers.Conv2D(8, 3)\n    def call(self, x):\n        return self.c(x)\n"
     "model = M()\nmodel.build('x')\n", "`build` without an input shape", "model.build"),
    ("class B(layers.Layer):\n    def __init__(self):\n        super().__init__(trainable=False)\n"
     "        self.c = layers.Conv2D(8, 3)\n    def call(self, x):\n        return self.c(x)\n"
     "model = keras.Sequential([keras.Input((8, 8, 3)), B()])\n", "made with `trainable` other than True",
     "super().__init__(trainable"),
    ("class B(layers.Layer):\n    def call(self, x):\n        return x\n"
     "model = keras.Sequential([B(), layers.Dense(2)])\n", "the script's class `B` in a Sequential without a "
     "`keras.Input` first", "keras.Sequential(["),
    ("class B(layers.Layer):\n    def call(self, x):\n        return x\n"
     "model = keras.Sequential([keras.Input((8, 8, 3))])\nmodel.add(B())\n", "the script's class `B` added to a "
     "Sequential", "model.add"),
    (SUBCLASS_HEAD + "        self.c = layers.Conv2D(8, 3)\n    def call(self, x):\n        return self.c.call(x)\n"
     "model = M()\nmodel.build((None, 8, 8, 3))\n", "`self.c.call` applied to a tensor", "self.c.call"),
    (SUBCLASS_HEAD + "        self.c = layers.Conv2D(8, 3)\n    def call(self, x):\n        return self.c(x)\n"
     "model = M()\nmodel.fit_generator(data)\n", "`model.fit_generator`: a method cnncalc does not follow",
     "model.fit_generator"),
    ("def f():\n    return super().__init__()\nf()\n", "`super(...)` outside a method", "super()"),
    # an `if` on an object (a layer of the script's class, an example array): its truth is not the script's to say
    ("class B(layers.Layer):\n    def call(self, x):\n        return x\nb = B()\nif b:\n"
     "    model = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(2, 3)])\n",
     "a model built under a condition cnncalc cannot decide", "b:\n"),
    ("if tf.zeros((1, 4)):\n    model = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(2, 3)])\n",
     "a model built under a condition cnncalc cannot decide", "tf.zeros((1, 4)):"),
])
def test_what_a_subclassed_model_does_that_cnncalc_cannot_follow_is_e070_at_its_place(text: str, message: str,
                                                                                     at: str) -> None:
    refused_at(text, message, at)


def test_isinstance_of_keras_layer_classes_and_the_scripts_own() -> None:
    # an inverted residual on 8x8x4, expanded 2x: 1x1 4 -> 8 without bias 32, BN 4·8 = 32, depthwise 3x3 on 8 72, BN
    # 32, 1x1 8 -> 4 32, BN 16; stride 1 and 4 channels out: the input added. 32 + 32 + 72 + 32 + 32 + 16 = 216, the
    # BNs' moving means and variances 16 + 16 + 8 = 40 of them non-trainable. `isinstance` decides which layer is
    # given `training`, and whether the block is a Block (a Block is not a Conv2D; a Conv2D is no Block)
    report = script("""
class Block(layers.Layer):
    def __init__(self, channels, expand):
        super().__init__()
        self.ops_list = [layers.Conv2D(channels * expand, 1, use_bias=False), layers.BatchNormalization(),
                         layers.ReLU(6.0), layers.DepthwiseConv2D(3, padding="same", use_bias=False),
                         layers.BatchNormalization(), layers.ReLU(6.0), layers.Conv2D(channels, 1, use_bias=False),
                         layers.BatchNormalization()]

    def call(self, x, training=None):
        y = x
        for op in self.ops_list:
            y = op(y, training=training) if isinstance(op, (layers.BatchNormalization, layers.Dropout)) else op(y)
        return x + y


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.parts = [Block(4, 2), layers.Conv2D(4, 1)]

    def call(self, x):
        for part in self.parts:
            if isinstance(part, Block) and not isinstance(part, layers.Conv2D):
                x = part(x, training=False)
            elif isinstance(part, layers.Layer) and not isinstance(part, Block):
                x = x
        return x


model = Net()
model.build((None, 8, 8, 4))
""")
    assert report.ok, report.messages()
    assert report.totals.params + report.totals.non_trainable == 32 + 32 + 72 + 32 + 32 + 16 == 216
    assert report.totals.non_trainable == 16 + 16 + 8
    assert [r.keyword for r in report.rows if r.kind == "join"] == ["add"]


def test_a_sequential_of_the_scripts_layer_objects_after_its_input() -> None:
    # built as Keras builds it, each object applied to the one before's output. On 32x32x3, 3x3 convs 'same' without
    # bias: 3 -> 16 432, 16 -> 32 at stride 2 4,608, 32 -> 64 18,432, each with a BN of 4·C (half of it the moving
    # mean and variance): 64, 128, 256; Dense 64 -> 10 650. 24,570 in all (Keras' count), 32 + 64 + 128 = 224 of
    # them non-trainable
    report = script("""
class ConvBNReLU(layers.Layer):
    def __init__(self, filters, stride=1, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)
        self.bn = layers.BatchNormalization()

    def call(self, x, training=None):
        return keras.ops.relu(self.bn(self.conv(x), training=training))


model = keras.Sequential([keras.Input(shape=(32, 32, 3)), ConvBNReLU(16), ConvBNReLU(32, stride=2),
                          layers.MaxPooling2D(), ConvBNReLU(64), layers.GlobalAveragePooling2D(), layers.Dense(10)],
                         name="plain")
""")
    assert report.ok, report.messages()
    assert report.network == "plain"
    assert report.totals.params + report.totals.non_trainable == 432 + 64 + 4_608 + 128 + 18_432 + 256 + 650 == 24_570
    assert report.totals.non_trainable == 32 + 64 + 128
    assert report.output is not None and report.output.dims == (10,)


def test_a_subclassed_model_its_script_never_builds_takes_its_input_from_the_command_line() -> None:
    # TensorFlow's denoising autoencoder, trained on batches without being built first: its input's size is not in
    # the script (E072, which says how to give it); with `--input 28x28x1`, 3x3 convolutions 'same' at stride 2
    # and back: 1 -> 16 160, 16 -> 8 1,160; transposed 8 -> 8 584, 8 -> 16 1,168; 16 -> 1 145: 3,217 (Keras' count)
    text = """
import tensorflow as tf
from tensorflow.keras import layers, losses
from tensorflow.keras.models import Model


class Denoise(Model):
    def __init__(self):
        super(Denoise, self).__init__()
        self.encoder = tf.keras.Sequential([
            layers.Conv2D(16, (3, 3), activation="relu", padding="same", strides=2),
            layers.Conv2D(8, (3, 3), activation="relu", padding="same", strides=2)])
        self.decoder = tf.keras.Sequential([
            layers.Conv2DTranspose(8, kernel_size=3, strides=2, activation="relu", padding="same"),
            layers.Conv2DTranspose(16, kernel_size=3, strides=2, activation="relu", padding="same"),
            layers.Conv2D(1, kernel_size=(3, 3), activation="sigmoid", padding="same")])

    def call(self, x):
        return self.decoder(self.encoder(x))


autoencoder = Denoise()
autoencoder.compile(optimizer="adam", loss=losses.MeanSquaredError())
"""
    unsized = analyze_text(text, "model.py", lang="keras")
    assert [d.code for d in unsized.diagnostics if d.severity == "error"] == ["E072"]
    report = analyze_text(text, "model.py", lang="keras", input="28x28x1")
    assert report.ok, report.messages()
    assert report.network == "denoise" and report.totals.params == 160 + 1_160 + 584 + 1_168 + 145 == 3_217
    assert report.output is not None and report.output.dims == (28, 28, 1)


def test_class_attributes_and_attributes_changed_in_place() -> None:
    # a layer held by the class (`head`), widths kept and grown on the object (`self.width *= 2`, `self.convs +=`):
    # on 8x8x3, 3x3 convs 'same' 3 -> 4 (112) and 4 -> 8 (296), flattened 8·8·8 = 512 values, Dense 512 -> 10
    # (5,130): 5,538
    report = script("""
class Net(keras.Model):
    head = layers.Dense(10)

    def __init__(self):
        super().__init__()
        self.width = 4
        self.convs = [layers.Conv2D(self.width, 3, padding="same")]
        self.width *= 2
        self.convs += [layers.Conv2D(self.width, 3, padding="same")]

    def call(self, x):
        for conv in self.convs:
            x = conv(x)
        return self.head(layers.Flatten()(x))


model = Net()
model.build((None, 8, 8, 3))
""")
    assert report.ok, report.messages()
    assert report.totals.params == 112 + 296 + 5_130 == 5_538


def test_blocks_moved_between_the_map_and_its_channels_by_keras_operations() -> None:
    # keras.ops.depth_to_space(x, 2) and keras.ops.space_to_depth(x, block_size=2) in a functional script: Keras 3's
    # operations DepthToSpace and SpaceToDepth, TensorFlow's order (`dcr`); conv 3 -> 8 3x3 same: (27 + 1)·8 = 224,
    # 6x4x8 -> 12x8x2 -> 6x4x8 (was E070: a function cnncalc did not know applied to a tensor)
    text = """
inputs = keras.Input((6, 4, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
x = keras.ops.depth_to_space(x, 2)
x = keras.ops.space_to_depth(x, block_size=2)
model = keras.Model(inputs, x)
"""
    report = script(text)
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims if r.output else None) for r in report.rows if "shuffle" in r.op] == [
        ("pixelshuffle 2 dcr", (12, 8, 2)), ("pixelunshuffle 2 dcr", (6, 4, 8))]
    assert report.totals.params == 224
    wrong = script(text.replace("block_size=2)", "block_size=2, mode='x')"))
    assert [d.code for d in wrong.diagnostics if d.severity == "error"] == ["E070"]


def test_keras_operations_that_are_layers_called_in_a_script() -> None:
    # keras.ops.clip, pad, max_pool, image.resize, average_pool and reshape in a functional script: the operations
    # Keras 3 saves (Clip, Pad, MaxPool, Resize, AveragePool, Reshape), read as the layers they equal (each was E070:
    # a function cnncalc did not know applied to a tensor). On 30x30x3: conv 3 -> 8 3x3, (27 + 1)·8 = 224, 28x28x8;
    # clip to [0, 6] a relu6; pad 1 top, 2 bottom, 2 left, 1 right: 31x31x8; max pool 2 stride 2 'same':
    # ceil(31/2) = 16, 16x16x8; conv 8 -> 16 3x3 'same', (72 + 1)·16 = 1,168; resized to 20x24x16; average pool
    # 2x3 stride 2: (20 - 2)/2 + 1 = 10, (24 - 3)/2 + 1 = 11 (floor of 11.5), 10x11x16; reshaped to 10·11·16 = 1,760
    # values; Dense 10: 17,610. In all 224 + 1,168 + 17,610 = 19,002 (Keras 3.15's count_params of this model).
    text = """
inputs = keras.Input(shape=(30, 30, 3))
x = layers.Conv2D(8, 3)(inputs)
x = keras.ops.clip(x, 0.0, 6.0)
x = keras.ops.pad(x, [[0, 0], [1, 2], [2, 1], [0, 0]])
x = keras.ops.max_pool(x, 2, strides=2, padding="same")
x = layers.Conv2D(16, 3, padding="same")(x)
x = keras.ops.image.resize(x, (20, 24), interpolation="nearest")
x = keras.ops.average_pool(x, (2, 3), (2, 2))
x = keras.ops.reshape(x, (-1, 10 * 11 * 16))
model = keras.Model(inputs, layers.Dense(10)(x))
"""
    report = script(text)
    assert report.ok, report.messages()
    assert [(r.op, r.output.dims if r.output else None) for r in report.rows if r.kind == "layer"][1:7] == [
        ("relu6", (28, 28, 8)), ("zeropad 1,2,2,1", (31, 31, 8)), ("maxpool 2x2 stride 2 pad same", (16, 16, 8)),
        ("conv 16 3x3 pad same", (16, 16, 16)), ("resize 20x24", (20, 24, 16)), ("avgpool 2x3 stride 2", (10, 11, 16))]
    assert report.totals.params == 224 + 1_168 + 17_610 == 19_002
    # a reshape to another length than the map's is wrong (Keras refuses it): E017 with the count
    wrong = script(text.replace("10 * 11 * 16", "1_000"))
    assert [d.code for d in wrong.diagnostics if d.severity == "error"] == ["E017"]
    assert any("written for 1,000 input values but receives 1,760" in m for m in wrong.messages())
    # what the operations do not equal is E070, named, at the call
    refused_at(text.replace("[[0, 0], [1, 2], [2, 1], [0, 0]]", "[[0, 0], [1, 2], [2, 1], [0, 0]], mode='reflect'"),
               'in mode "reflect"', "keras.ops.pad")
    refused_at(text.replace("clip(x, 0.0, 6.0)", "clip(x, -1.0, 1.0)"), "a clip to [-1.0, 1.0]", "keras.ops.clip")
    refused_at(text.replace('interpolation="nearest"', "antialias=True"), "an antialiased resize",
               "keras.ops.image")
    refused_at(text.replace('padding="same")', 'padding="same", dilation=2)'),
               "with other arguments than the tensor and pool_size, strides, padding, data_format",
               "keras.ops.max_pool")
    # TensorFlow's functions of these names take other arguments (`tf.image.resize`'s method): not read as Keras'
    refused_at("import tensorflow as tf\n" + text.replace("keras.ops.image.resize", "tf.image.resize"),
               "`tf.image.resize` applied to a tensor of the model", "tf.image.resize")


def test_a_weight_the_layer_makes_itself_as_a_scale_per_channel() -> None:
    # ConvNeXt's layer scale written as a Layer of the script's: `self.gamma = self.add_weight(shape=(C,))` in
    # `build`, `x * self.gamma` in `call`: a learnt value per channel (`scale nobias inputs C`); a frozen one made by
    # the model itself (`trainable=False`, shape (1, 1, C)). On 8x8x3: conv 3x3 'same' 3 -> 4, (27 + 1)·4 = 112; the
    # scale 4; the frozen scale 4 (non-trainable); Dense 4·8·8 -> 2: 256·2 + 2 = 514. 634 (Keras' count), 4 of them
    # non-trainable. A weight used twice is refused (Keras shares it: one learnt tensor applied at two places)
    text = """
class LayerScale(layers.Layer):
    def build(self, input_shape):
        self.gamma = self.add_weight(shape=(input_shape[-1],), initializer="ones", trainable=True, name="gamma")

    def call(self, x):
        return x * self.gamma


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(4, 3, padding="same")
        self.scale = LayerScale()
        self.fixed = self.add_weight(shape=(1, 1, 4), trainable=False)

    def call(self, x):
        x = self.fixed * self.scale(self.conv(x))
        return layers.Dense(2)(layers.Flatten()(x))


model = Net()
model.build((None, 8, 8, 3))
"""
    report = script(text)
    assert report.ok, report.messages()
    assert report.totals.params == 112 + 4 + 4 + 514 == 634  # (no running statistics: all learnable)
    assert report.totals.frozen == 4  # Keras' non-trainable
    assert [r.op for r in report.rows if r.keyword == "scale"] == ["scale nobias inputs 4",
                                                                     "scale nobias inputs 4 frozen"]
    refused_at(text.replace("x = self.fixed * self.scale(self.conv(x))",
                            "x = self.fixed * self.scale(self.conv(x)) * self.fixed"),
               "a weight made with add_weight used twice", "self.fixed * self.scale(self.conv(x)) * self.fixed")
    # one learnt number for the whole map (shape () or (1,), which Keras broadcasts over the 4 channels): `scale nobias
    # one`, 1 weight (it was `scale nobias inputs 1`, E017 on four channels, or E070 for shape ()): 112 + 1 + 4 + 514
    for shape in ("()", "(1,)"):
        one = script(text.replace("shape=(input_shape[-1],)", f"shape={shape}"))
        assert one.ok, one.messages()
        assert [r.op for r in one.rows if r.keyword == "scale"] == ["scale nobias one", "scale nobias inputs 4 frozen"]
        assert one.totals.params == 112 + 1 + 4 + 514


def test_keras_ops_split_in_a_script_gives_its_parts_to_the_names() -> None:
    # `a, b, c = keras.ops.split(x, [3, 7], axis=-1)` of 10 channels: 0-2, 3-6, 7-9 (was E070, "cnncalc does not
    # know what it computes"); the middle part through a 3x3 conv of 4, (3·3·4 + 1)·4 = 148, then the parts joined
    # as 4 + 3 + 3 = 10; `y = ops.split(x, 2, axis=-1)` read by index, y[1] the second half of 10, 5 channels
    text = ("from keras import ops\n"
            "inputs = keras.Input((16, 16, 10))\n"
            "a, b, c = ops.split(inputs, [3, 7], axis=-1)\n"
            "b = layers.Conv2D(4, 3, padding='same')(b)\n"
            "x = layers.Concatenate()([b, c, a])\n"
            "y = keras.ops.split(x, 2, axis=-1)\n"
            "model = keras.Model(inputs, layers.Conv2D(2, 1)(y[1]))\n")
    report = script(text)
    assert report.ok, report.messages()
    assert sorted(r.op for r in report.rows if r.name.startswith("split")) == [
        "part 1 of 2", "part 2 of 2", "slice 0:3", "slice 3:7", "slice 7:"]
    assert report.totals.params == (3 * 3 * 4 + 1) * 4 + (5 + 1) * 2
    assert report.output is not None and report.output.dims == (16, 16, 2)
    # along the batch (ops.split's own default axis 0): not read
    refused = script(text.replace("ops.split(x, 2, axis=-1)", "ops.split(x, 2)"))
    assert "E070" in [d.code for d in refused.diagnostics]


def test_a_split_part_is_the_output_and_its_shape_is_its_own() -> None:
    # `b.shape[-1]` of the second part of 10 channels split at [3, 7] is 7 - 3 = 4 (read from the split's first part,
    # 3, it made a conv of 6 filters), so the conv on the third part, 3 channels, has (3 + 1)·8 = 32 parameters; the
    # model's first output is that part itself, 16x16x4, not the split's first
    report = script("from keras import ops\n"
                    "inputs = keras.Input((16, 16, 10))\n"
                    "a, b, c = ops.split(inputs, [3, 7], axis=-1)\n"
                    "d = layers.Conv2D(b.shape[-1] * 2, 1)(c)\n"
                    "model = keras.Model(inputs, [b, d])\n")
    assert report.ok, report.messages()
    assert report.totals.params == (3 + 1) * 8
    assert report.output is not None and report.output.dims == (16, 16, 4)

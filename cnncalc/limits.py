"""Every bound cnncalc puts on its input, in one place (docs/diagnostics.md, "Limits", lists them).

Each is checked before the work it guards, so no input reaches a traceback, a hang or a memory
blow-up: numbers when they are read, expansion size before anything is built, files before
they are read.
"""
from __future__ import annotations

MAX_FILE_BYTES = 32 * 2**20  # a spec file (100,000 layers are about 2.5 MB)
MAX_LINES = 1_000_000  # lines of a text file (each read costs a few µs however short: 32 MiB of newlines took 166 s)
MAX_LECTURE_LINES = 10_000  # lines that are not blank in the lecture's notation (each tried against every form)
MAX_LECTURE_CHARS = 500_000  # characters of a text in the lecture's notation (each read through every form: some
# 15 µs a character at worst, some 7 s at the limit; a homework sheet is a few thousand, the lecture's text 10,000)
MAX_LECTURE_LINE_CHARS = 10_000  # characters of one line in the lecture's notation (some forms read a line in
# time that grows faster than its length: a line of a million characters took 15 s)
MAX_LINE_CHARS = 100_000  # characters of one line of a spec (lexed whole: some 150 bytes a token)
MAX_ARRAY_BYTES = 2**30  # an --input or --weights file, and what an .npz inflates to
MAX_NODES = 250_000  # layers and containers after expanding blocks and repeats (a chain of repeated layers, about
# 0.1 s per 40,000 nodes to analyse and as much to write as JSON; a network whose every layer sees a new volume,
# which no cache shares, about 14 µs a node and as much to write: 6 to 8 s at the limit, benchmarks/bench_limits.py)
MAX_DIAGNOSTICS = 1_000  # diagnostics kept per file; the rest are counted (W003)
MAX_SHOWN_LINE = 160  # characters of a source line shown under a diagnostic; longer lines are windowed
MAX_DEPTH = 64  # nesting of braces and parentheses as written; block calls inside blocks
MAX_OPERATIONS = 256  # operators and signs of one integer expression, its parentheses' included (each a level
# of its tree, which later stages walk recursively)
MAX_TREE_DEPTH = 160  # levels of the expanded tree (a merge adds two: itself and its branches)
MAX_LITERAL_DIGITS = 18  # digits in one integer literal
MAX_INT = 10**15  # |value| of any integer expression (block arguments, arithmetic)
MAX_SIZE = 2**20  # a spatial argument: input height/width, kernel, stride, padding, dilation, crop, resize
MAX_CHANNELS = 2**24  # a channel-like argument: input depth, filters, units, groups, multiplier, parts
MAX_REPEAT = MAX_NODES  # `repeat N` (more iterations could not fit anyway)
MAX_BATCH = 2**20  # `input ... batch N`, `--batch`
MAX_EXTENT = 2**32  # any computed height, width or depth (upsampling and concatenation grow them)
MAX_FLAT = 2**48  # any computed flat length (a flattened volume)
MAX_COUNT_DIGITS = 30  # significant digits of an answer or budget (`62.4M`, `1e9`)
MAX_EXPONENT = 30  # the exponent of an answer or budget (`1e9`)
MAX_REAL_CHARS = 32  # characters of a real number (`0.5`, `1e-5`)
MAX_REAL = 1e6  # the magnitude of a real argument (eps, alpha, slopes)
MAX_SCALE_DENOMINATOR = 2**10  # a decimal resampling factor's denominator (a power of two: 0.5, 1.5, 0.25)
MAX_BRANCHES = 4096  # branches of one merge
MAX_CLASSES = 100_000  # residue classes of input sizes `cnncalc solve` follows at once
MAX_MODULUS = 2**64  # the period of those classes: the product of the strides met (4,096 layers of stride 2 pass it)
MAX_FIELD = 2**64  # a receptive field's size, effective stride and offset (numerator and denominator alike)
MAX_FORMULA_CHARS = 200  # a size formula in the letters of `input HxWx3`; a longer one is shown as `…`
MAX_JOBS = 64  # worker processes of `check --jobs`
MAX_WORKING_SIGNS = 64  # `=` signs of one line read as a student's working (equalities.py); a working has a few
MAX_WORKING_SIDE = 64  # numbers, operators and parentheses of one side of a working's step (each side is found by
# trying its possible starts: the work grows with the square of this)
MAX_PYTHON_CHARS = 2**20  # a PyTorch file: Python's syntax tree of it takes up to about 250 bytes a character (the
# largest model files are some 150 KB; the tests' about 5 KB)
MAX_MATLAB_TOKENS = 1_000_000  # words, numbers and signs of a MATLAB file (about 200 bytes each once read; a
# layer takes 10 to 20: 50,000 layers or more)
MAX_MATLAB_PLACED = 1_000_000  # layers a MATLAB file's statements place into arrays and graphs, each statement's
# array or graph counted whole (`a2 = [a1; reluLayer]` copies a1: a file of such lines would build squarely many;
# a ResNet-152 as Deep Network Designer exports it places under 100,000; about 100 bytes each while held)
MAX_READER_STEPS = 200_000  # statements and expressions the PyTorch reader interprets (about 1 s at its
# slowest; the largest model among the tests' files takes 1,500, a DenseNet's loops a few thousand)
MAX_SHAPE_LAYERS = 50_000  # layers analysed, in all, to work out the tensor shapes a Keras script reads
# (`x.shape[-1]`: each an analysis of the model up to that tensor, some 70 µs a layer; a ResNet-152 whose 50 blocks
# each read one analyses about 12,500; 300 such blocks took 21 s, about 1.2 million)
MAX_SCRIPT_STRING_CHARS = 1_000  # a string a Keras script makes (a layer's name, `f"block{i}_conv"`: a few dozen)
MAX_FIELDS = 100_000  # fields of a Caffe prototxt, nested ones included (about 1 s to read; a layer has 4 to 10:
# name, type, bottom, top and its parameters; ResNet-152's deploy file has about 4,500)
MAX_RECORD_FIELDS = 256  # fields of a `collections.namedtuple` the PyTorch reader makes (EfficientNet's have 8 to 11)
# `re.split` in a PyTorch file runs only where Python's backtracking stays small: a pattern of at most this many
# characters, with at most this many repetitions (`*`, `+`, `?`, `{…}`), none of a group and no backreference, on a
# string of at most this many characters (EfficientNet's block strings: `r"(\d.*)"` on `k3`)
MAX_REGEX_CHARS, MAX_REGEX_REPEATS, MAX_REGEX_TEXT = 60, 3, 200
MAX_MODEL_CHARS = 500  # `--model`'s expression (`ResNet50()`, `VGG('VGG16')`): a class, function or call of the file
MAX_TIMES_SAID = 64  # a layer said to repeat on a homework line (`(x2)`): each copy is a layer of the line (VGG's
# stages repeat a convolution at most 4 times)
MAX_SHARED_ENTRIES = 10_000  # entries the caches analyses share hold between analyses (cnncalc/memo.py): lines
# parsed, layers built and computed, a few hundred bytes to a few KB each; beyond it they are emptied
MAX_TABLE_ROWS = 5_000  # rows a terminal table shows before collapsing depth (all rows: --depth or a file format)

# What docs/diagnostics.md lists (the tests check it against this table): the limit, its value and
# the diagnostic or message a user sees beyond it.
DOCUMENTED: tuple[tuple[str, str, str], ...] = (
    ("a file (spec, lecture listing, or another notation)", f"{MAX_FILE_BYTES:,} bytes",
     "a usage error (exit 2) before reading; so are directories, devices and FIFOs"),
    ("lines of a text file (spec, lecture listing, or another notation)", f"{MAX_LINES:,}",
     "as a file over the size limit: a usage error, or E007 for a file `check` found"),
    ("characters of one line of a spec (a lecture listing reads its lines its own way)", f"{MAX_LINE_CHARS:,}",
     "E008 there; the rest of the line is not read"),
    ("lines that are not blank in the lecture's notation (a homework sheet, a listing, a markdown table)",
     f"{MAX_LECTURE_LINES:,}", "E060 at the first line past it; the rest is not read"),
    ("characters of a text in the lecture's notation", f"{MAX_LECTURE_CHARS:,}",
     "E060 at the first line past it; the rest is not read"),
    ("characters of one line in the lecture's notation (a step of a network written on one line, its own)",
     f"{MAX_LECTURE_LINE_CHARS:,}", "E060 at the line, which is not read"),
    ("an `--input` or `--weights` file (`run`), and what an .npz archive inflates to", f"{MAX_ARRAY_BYTES:,} bytes",
     "a usage error before reading it; headers are checked before data"),
    ("layers and containers after expanding blocks and repeats", f"{MAX_NODES:,}",
     "E058, computed from the IR before anything is built; in a framework's file, E070 where its graph "
     "(a layer 1, a merge 2 and 1 per input) passes it, before it is laid out"),
    ("characters of a PyTorch or Keras (Python) file", f"{MAX_PYTHON_CHARS:,}", "E070 before it is parsed"),
    ("characters of `--model`'s expression (the model of a PyTorch file, the variable of a MATLAB one)",
     f"{MAX_MODEL_CHARS:,}", "a usage error"),
    ("words, numbers and signs of a MATLAB file", f"{MAX_MATLAB_TOKENS:,}", "E070 where the file passes it"),
    ("layers a MATLAB file's statements place into arrays and graphs (each statement's whole array or graph counted)",
     f"{MAX_MATLAB_PLACED:,}", "E070 at the statement that passes it"),
    ("statements and expressions the PyTorch reader follows (loops in `__init__` and `forward` included), and "
     "statements a Keras script's reader follows",
     f"{MAX_READER_STEPS:,}", "E070 at the statement that passes it, and no totals"),
    ("characters of a string a Keras script makes (a layer's name from an f-string, `%` or `format`)",
     f"{MAX_SCRIPT_STRING_CHARS:,}", "E070 where it is made, and no totals"),
    ("layers analysed, in all, for the tensor shapes a Keras script reads (`x.shape[-1]`, each worked out by "
     "analysing the model up to it)", f"{MAX_SHAPE_LAYERS:,}", "E070 at the read that passes it, and no totals"),
    ("fields of a Caffe prototxt, nested ones included", f"{MAX_FIELDS:,}", "E071 where the file passes it"),
    ("fields of a namedtuple a PyTorch file makes", f"{MAX_RECORD_FIELDS}", "E070 where it is made"),
    ("`re.split` in a PyTorch file: characters of the pattern, its repetitions (none of a group, no "
     "backreference), characters of the string", f"{MAX_REGEX_CHARS}, {MAX_REGEX_REPEATS}, {MAX_REGEX_TEXT}",
     "E070 at the call"),
    ("nesting of braces and parentheses; block calls within blocks", f"{MAX_DEPTH}", "E004"),
    ("operators and signs of one integer expression (`1 + 2*3`: 2), its parentheses' included", f"{MAX_OPERATIONS}",
     "E004"),
    ("levels of the expanded network", f"{MAX_TREE_DEPTH}", "E004"),
    ("digits of an integer literal", f"{MAX_LITERAL_DIGITS}", "E013 (E023 in the input's shape, E060 at the number in "
     "homework, whose line is not read)"),
    ("an integer expression's value (block arguments, arithmetic; a homework count written as its arithmetic, "
     "`(11*11*3 + 1)*96`)", f"±{MAX_INT:,}", "E057 (E060 in homework)"),
    ("an input height or width; a kernel, stride, padding, dilation, crop or resize size", f"{MAX_SIZE:,}",
     "E013 (E023 for the input)"),
    ("an input depth or flat length; filters, units, groups, multipliers, parts", f"{MAX_CHANNELS:,}",
     "E013 (E023 for the input)"),
    ("`repeat N`", f"0 to {MAX_REPEAT:,}", "E056"),
    ("`batch N`, `--batch`", f"1 to {MAX_BATCH:,}", "E013, or a usage error"),
    ("`check --jobs N`, worker processes", f"1 to {MAX_JOBS}", "a usage error"),
    ("a computed height, width or depth (upsampling, concatenation)", f"{MAX_EXTENT:,}", "E031"),
    ("a computed flat length (a flattened volume)", f"{MAX_FLAT:,}", "E031"),
    ("significant digits of an answer or budget (`62.4M`, `1e9`)", f"{MAX_COUNT_DIGITS}",
     "E013, or a usage error for an option"),
    ("the exponent of an answer or budget", f"{MAX_EXPONENT}", "E013, or a usage error for an option"),
    ("characters of a real number (`0.5`, `1e-5`)", f"{MAX_REAL_CHARS}", "E013"),
    ("a decimal `upsample` factor: above 0, a whole number of halves, quarters… (exact in binary)",
     f"1/{MAX_SCALE_DENOMINATOR:,} to {MAX_SIZE:,}", "E013 (E070 when read from a framework's file)"),
    ("branches of one merge", f"{MAX_BRANCHES:,}", "E004"),
    ("times a layer is said to repeat on a homework line (`CONV: 64 3x3 filters (x2)`)", f"{MAX_TIMES_SAID}",
     "E060 there, and the layer is unknown"),
    ("`=` signs of one line read as a homework answer's working (E046)", f"{MAX_WORKING_SIGNS}",
     "the steps after them are not judged"),
    ("numbers, operators and parentheses of one side of a working's step; digits of a number in it",
     f"{MAX_WORKING_SIDE}; {MAX_COUNT_DIGITS}", "that step is not judged"),
    ("diagnostics kept per file", f"{MAX_DIAGNOSTICS:,}", "W003 counts the rest (E006 when errors are among them)"),
    ("characters of a source line shown under a diagnostic", f"{MAX_SHOWN_LINE}",
     "a longer line is shown as a window around the caret"),
    ("residue classes of input sizes `solve` follows at once (each declared rounding multiplies them "
     "by its stride)", f"{MAX_CLASSES:,}", "a one-line error from `solve` (exit 1)"),
    ("the period of those classes (the product of the strides on the way)", "2^64",
     "a one-line error from `solve` (exit 1); E025 for sizes written as letters"),
    ("a receptive field's size, effective stride or offset, and a fraction's denominator in them (strides "
     "multiply: 64 layers of stride 2 pass it)", "2^64",
     "the field is unknown from that layer on (`null` in JSON; the sizes and counts are unaffected)"),
    ("characters of an output size's formula (letters for sizes, `input HxWx3`)", f"{MAX_FORMULA_CHARS}",
     "the formula is shown as `…` from that layer on (the sizes that work and the numbers are unaffected)"),
    ("rows of a terminal table", f"{MAX_TABLE_ROWS:,}",
     "deeper rows are collapsed, with a note saying how to see them all (`--depth`, `--format csv`)"),
)

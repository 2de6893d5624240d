"""Where a PyTorch file gives its input's size in its own code: the tensor it runs its model on
(`y = net(torch.randn(2, 3, 32, 32))`, as the CIFAR model files' `def test():` do), or the size or tensor it
hands a tool that summarises, counts or exports the model (torchsummary's `summary(model, (3, 224, 224))`,
torchinfo's `summary(model, input_size=(1, 3, 224, 224))`, ptflops, thop, fvcore, `torch.onnx.export(model,
x, ...)`, `torch.jit.trace`). Read off the code, never run: the statements at top level (the `__main__` block
included) and then those of each function of the file, in order; a size must be written with whole numbers,
or names the same code binds to them. Each tool's convention is its own: torchsummary, torchstat, ptflops and
mmcv take (C, H, W) without the batch; torchinfo's `input_size` holds the batch unless `batch_dim` is given.
"""
from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from typing import Any

Sizes = tuple[int, ...]

SIZES = "sizes without the batch"  # (C, H, W) or (F,)
BATCHED = "sizes with the batch"  # (N, C, H, W) or (N, F); (C, H, W) as PyTorch's layers take an unbatched image
TENSORS = "tensors"  # a tensor, or a tuple or list of one

# a tool -> its input's arguments: (keyword, what it holds); the first is also its second positional argument
TOOLS: dict[str, tuple[tuple[str, str], ...]] = {
    "torchsummary.summary": (("input_size", SIZES),),
    "torchinfo.summary": (("input_size", BATCHED), ("input_data", TENSORS)),
    "torchsummaryX.summary": (("x", TENSORS),),
    "pytorch_model_summary.summary": (("", TENSORS),),
    "torchstat.stat": (("input_size", SIZES),),
    "ptflops.get_model_complexity_info": (("input_res", SIZES),),
    "mmcv.cnn.get_model_complexity_info": (("input_shape", SIZES),),
    "mmengine.analysis.get_model_complexity_info": (("input_shape", SIZES), ("inputs", TENSORS)),
    "thop.profile": (("inputs", TENSORS),),
    "fvcore.nn.FlopCountAnalysis": (("inputs", TENSORS),),
    "torch.onnx.export": (("args", TENSORS),),
    "torch.jit.trace": (("example_inputs", TENSORS),),
    "torch.export.export": (("args", TENSORS),),
}
# what makes a tensor of given sizes -> where its sizes are: "all" positional arguments (or one tuple), or
# the "last" positional one (`torch.randint(0, 256, (1, 3, 32, 32))`); `size=` in either case
MAKERS = {"torch.randn": "all", "torch.rand": "all", "torch.zeros": "all", "torch.ones": "all",
          "torch.empty": "all", "torch.Tensor": "all", "torch.FloatTensor": "all", "torch.randint": "last",
          "torch.full": "first"}
# a tensor's methods that keep its sizes (`.to(device)`, `.requires_grad_()`), and the old `Variable(x)`
_KEEPING = frozenset({"to", "cuda", "cpu", "float", "half", "double", "requires_grad_", "contiguous", "detach",
                      "clone", "normal_", "uniform_", "zero_", "fill_"})
_WRAPPING = frozenset({"torch.autograd.Variable", "Variable"})
# a module's methods that return it, placed or switched: `.to(device)`, `.eval()`, `.cuda()` (the PyTorch reader's too)
PLACEMENT = frozenset({"eval", "train", "to", "cpu", "cuda", "float", "double", "half", "requires_grad_", "apply"})


class Example:
    """A tensor the code makes, by its sizes (the batch first). Not a tuple: a tuple of numbers is a size."""

    __slots__ = ("sizes",)

    def __init__(self, sizes: Sizes) -> None:
        self.sizes = sizes


class _Bound:
    """What a name is bound to, when it is not a value: the model read, or something not known here."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what = what


MODEL = _Bound("the model")
UNKNOWN = _Bound("not known here")  # a value the expressions that read it cannot use: they fail, not guess


def placed(node: ast.expr) -> ast.expr:
    """The model expression without the calls that place or switch it: `Net().to(device).eval()` -> `Net()`."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in PLACEMENT:
        node = node.func.value
    return node


class Finder:
    """The example inputs of a file, for the model built by the expression `built` (its text, without
    placement) or bound at top level to `model`. `evaluate(node, env)` is the reader's evaluation of a
    call-free expression (None when it cannot), `resolve(node)` the full dotted name a callee stands for,
    `spent()` whether the reader's steps are used up (nothing more can be evaluated: the search ends)."""

    def __init__(self, model: object, built: str | None, globals_: dict[str, Any],
                 evaluate: Callable[[ast.expr, dict[str, Any]], Any],
                 resolve: Callable[[ast.expr], str | None], spent: Callable[[], bool]) -> None:
        self.model = model
        self.built = built
        self.globals = globals_
        self.evaluate = evaluate
        self.resolve = resolve
        self.spent = spent

    def candidates(self, tree: ast.Module) -> Iterator[tuple[Sizes, ast.Call]]:
        """Every input the code runs the model on or hands a tool, with the call: top level first (the
        `__main__` block included), then each function of the file."""
        top: dict[str, Any] = {}
        yield from self.scope([s for s in tree.body if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                          ast.ClassDef))], top)
        known = {name: value for name, value in top.items() if value is not UNKNOWN}
        for function in tree.body:
            if isinstance(function, ast.FunctionDef):
                arguments = function.args
                env = dict(known)
                for argument in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs,
                                 arguments.vararg, arguments.kwarg):
                    if argument is not None:
                        env[argument.arg] = UNKNOWN  # a parameter
                yield from self.scope(function.body, env)

    def scope(self, body: list[ast.stmt], env: dict[str, Any]) -> Iterator[tuple[Sizes, ast.Call]]:
        """The inputs found in `body`, statement by statement, `env` bound as they bind names. Each
        statement's own nodes (a compound statement's header: its test, iterable, contexts and targets) are
        walked once."""
        for stmt in body:
            if self.spent():
                return
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                env[stmt.name] = UNKNOWN
                continue
            compound = isinstance(stmt, (ast.If, ast.While, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.Try))
            headers: list[ast.AST] = [stmt] if not compound else \
                [stmt.test] if isinstance(stmt, (ast.If, ast.While)) else \
                [stmt.iter, stmt.target] if isinstance(stmt, (ast.For, ast.AsyncFor)) else \
                [part for item in stmt.items for part in (item.context_expr, item.optional_vars) if part is not None] \
                if isinstance(stmt, (ast.With, ast.AsyncWith)) else []
            calls: list[ast.Call] = []
            stored: list[str] = []
            for header in headers:
                for node in ast.walk(header):
                    if isinstance(node, ast.Call):
                        calls.append(node)
                    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                        stored.append(node.id)
            for call in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
                sizes = self.input_of(call, env)
                if sizes is not None:
                    yield sizes, call
            bound = self.bind(stmt, env, bool(calls)) if not compound else {}  # read before any name is rebound
            for name in stored:
                env[name] = bound.get(name, UNKNOWN)
            if compound:
                for part in ("body", "orelse", "finalbody"):
                    yield from self.scope(getattr(stmt, part, []), env)
                for handler in getattr(stmt, "handlers", []):
                    yield from self.scope(handler.body, env)

    def bind(self, stmt: ast.stmt, env: dict[str, Any], calls: bool) -> dict[str, Any]:
        """What an assignment binds, read in `env` as it was before it: a tensor made (`x = torch.randn(...)`,
        `x = x.to(device)`), the model (`net = Net()`, `model = model.eval()`), values when the statement makes
        no call (`size = 224`, `h, w = 224, 160`); nothing for any other statement."""
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        else:
            return {}
        names = [target] if isinstance(target, ast.Name) else target.elts if isinstance(
            target, (ast.Tuple, ast.List)) else []
        if not names or not all(isinstance(name, ast.Name) for name in names):
            return {}
        values = self.value(value, env, calls)
        if isinstance(target, ast.Name):
            return {target.id: values}
        if isinstance(values, (tuple, list)) and len(values) == len(names):
            return {name.id: one for name, one in zip(names, values) if isinstance(name, ast.Name)}
        return {}

    def value(self, node: ast.expr, env: dict[str, Any], calls: bool) -> Any:
        tensor = self.tensor(node, env)
        if tensor is not None:
            return tensor
        if self.is_model(node, env):
            return MODEL
        if not calls:
            value = self.evaluate(node, env)
            return UNKNOWN if value is None else value
        return UNKNOWN

    def is_model(self, node: ast.expr, env: dict[str, Any]) -> bool:
        node = placed(node)
        if isinstance(node, ast.Name):
            return env[node.id] is MODEL if node.id in env else self.globals.get(node.id) is self.model
        return isinstance(node, ast.Call) and self.built is not None and ast.unparse(node) == self.built

    def input_of(self, call: ast.Call, env: dict[str, Any]) -> Sizes | None:
        """The input, batch first, that `call` runs the model on (`net(x)`, `net.forward(x)`) or hands a
        tool (TOOLS); None for any other call."""
        callee = call.func
        if isinstance(callee, ast.Attribute) and callee.attr == "forward":
            callee = callee.value
        if self.is_model(callee, env):
            return self.tensors(call.args[0], env) if len(call.args) == 1 and not isinstance(
                call.args[0], ast.Starred) else None
        tool = TOOLS.get(self.resolve(call.func) or "")
        if tool is None or not call.args or not self.is_model(call.args[0], env):
            return None
        keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
        for i, (keyword, holds) in enumerate(tool):
            given = call.args[1] if i == 0 and len(call.args) > 1 else keywords.get(keyword)
            if given is None or isinstance(given, ast.Starred):
                continue
            if holds == TENSORS:
                return self.tensors(given, env)
            sizes = self.sizes(given, env, batched=holds == BATCHED and "batch_dim" not in keywords)
            if sizes is None:
                return None
            if holds == SIZES or "batch_dim" in keywords or len(sizes) in (1, 3):
                return (1, *sizes)  # (C, H, W) or (F,): one image, or one vector
            return sizes
        return None

    def tensors(self, node: ast.expr, env: dict[str, Any]) -> Sizes | None:
        """The sizes of the one tensor `node` is, or holds in a tuple or list of one."""
        if isinstance(node, (ast.Tuple, ast.List)):
            return self.tensors(node.elts[0], env) if len(node.elts) == 1 else None
        if isinstance(node, ast.Name) and isinstance(env.get(node.id), (tuple, list)):
            held = env[node.id]  # `inputs = (x,)` bound before
            return held[0].sizes if len(held) == 1 and isinstance(held[0], Example) else None
        tensor = self.tensor(node, env)
        return tensor.sizes if tensor is not None else None

    def tensor(self, node: ast.expr, env: dict[str, Any]) -> Example | None:
        """The tensor `node` makes (`torch.randn(1, 3, 224, 224).to(device)`) or names."""
        if isinstance(node, ast.Name):
            bound = env.get(node.id)
            return bound if isinstance(bound, Example) else None
        if not isinstance(node, ast.Call):
            return None
        if isinstance(node.func, ast.Attribute) and node.func.attr in _KEEPING:
            return self.tensor(node.func.value, env)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "unsqueeze" and len(node.args) == 1 and \
                isinstance(node.args[0], ast.Constant) and node.args[0].value == 0:
            inner = self.tensor(node.func.value, env)  # an image made a batch of one: `img.unsqueeze(0)`
            return Example((1, *inner.sizes)) if inner is not None else None
        name = self.resolve(node.func)
        if name in _WRAPPING and len(node.args) == 1:
            return self.tensor(node.args[0], env)
        where = MAKERS.get(name or "")
        if where is None:
            return None
        size = next((k.value for k in node.keywords if k.arg == "size"), None)
        single = len(node.args) == 1 and not isinstance(node.args[0], ast.Starred)
        if size is not None:
            sizes = self.sizes(size, env, batched=True)
        elif (where == "all" and single) or (where == "first" and node.args):
            sizes = self.sizes(node.args[0], env, batched=True)
        elif where == "last" and node.args:
            sizes = self.sizes(node.args[-1], env, batched=True)
        elif where == "all" and node.args:  # `torch.randn(1, 3, h, w)`, `torch.randn(1, *shape)`
            sizes = self.sizes(ast.copy_location(ast.Tuple(node.args, ast.Load()), node), env, batched=True)
        else:
            sizes = None
        return Example(sizes) if sizes is not None else None

    def sizes(self, node: ast.expr, env: dict[str, Any], batched: bool = False) -> Sizes | None:
        """Whole numbers written, or bound to names the code gave them: `(3, 224, 224)`, `(1, 3, size, size)`;
        a list of one such tuple (torchinfo's and torchsummary's for one input) is that tuple. A batch's size
        (`batched`: the first) that the code computes, or takes from its arguments (`torch.randn(args.batch_size,
        3, 32, 32)`), is 1: cnncalc counts one image of a batch whatever its size."""
        if batched and isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) >= 2 and \
                not isinstance(node.elts[0], ast.Starred):
            rest = self.sizes(ast.copy_location(ast.Tuple(node.elts[1:], ast.Load()), node), env)
            first = self.sizes(node.elts[0], env)
            return None if rest is None else (first[0] if first is not None and len(first) == 1 else 1, *rest)
        if any(isinstance(n, ast.Call) for n in ast.walk(node)):
            return None
        value = self.evaluate(node, env)
        if isinstance(value, (tuple, list)) and len(value) == 1 and isinstance(value[0], (tuple, list)):
            value = value[0]
        if isinstance(value, int) and not isinstance(value, bool):
            value = (value,)
        if isinstance(value, (tuple, list)) and value and all(
                isinstance(v, int) and not isinstance(v, bool) for v in value):
            return tuple(value)
        return None


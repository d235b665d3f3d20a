"""The ``tui`` package has no import cycle, so every module can be imported first.

A cycle works only as long as its modules are imported in one order and use each other's
names only inside functions; the first top-level use, or a caller importing the other end
first, fails with a partially initialised module. The graph is built statically (``ast``)
from every module on disk, so a module added later is covered without touching this test.

An edge is an import executed when the module is imported: a statement at module level,
also inside a module-level ``if``/``try``/``with``. Two kinds are left out, because they
never run while the modules load and so cannot meet a half-initialised module: imports
inside a function or method (they run when called, after every module has finished
importing; the code uses them to defer heavy modules such as the loader, PyYAML and the
query language past start-up), and imports under ``if TYPE_CHECKING:`` (read by the type
checker only; the main screen's collaborators use one to name the screen they serve).
Importing ``a.b`` also runs the package ``a``, but that is Python loading ``a`` first,
not ``a.b`` depending on ``a``; only the modules an import names are edges.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import tui

ROOT = Path(tui.__file__).resolve().parent


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def top_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements that run with the module: not in a function, not for types only."""
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and _type_checking(node.test):
            pending.extend(node.orelse)
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            pending.extend(ast.iter_child_nodes(node))


def _type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The ``tui`` modules that importing ``name`` imports directly."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in known)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in known:
                out.add(submodule)  # ``from tui.index import parse_helper``
            elif base in known:
                out.add(base)
    out.discard(name)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle as ``[a, b, ..., a]``, or ``None``; depth-first, iterative."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in sorted(edges):
        if state.get(start):
            continue
        path = [start]
        stack = [iter(sorted(edges[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(edges.get(nxt, ()))))
    return None


def test_the_walk_sees_the_packages_and_their_imports() -> None:
    edges = graph()
    assert {"tui", "tui.index", "tui.index.refresh", "tui.screens.main"} <= set(edges)
    assert "tui.index.schema" in edges["tui.index.store"]
    assert "tui.index.parse_helper" in edges["tui.index.prefetch"]


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_imports_inside_functions_or_for_types_only_are_not_edges() -> None:
    source = (
        "import os\nif True:\n    import re\ndef f():\n    import json\n"
        "if TYPE_CHECKING:\n    import abc\nelse:\n    import csv\n"
        "if typing.TYPE_CHECKING:\n    import ast\n"
    )
    names = {alias.name for node in top_level_imports(ast.parse(source)) for alias in node.names}
    assert names == {"os", "re", "csv"}


def test_the_package_has_no_import_cycle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])

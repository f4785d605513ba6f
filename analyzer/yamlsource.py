"""Read YAML safely and remember where each mapping and list came from.

Rubric errors must name the file, line and key. PyYAML's plain loaders forget
positions, so this module composes the node tree with the safe loader and
builds plain Python values itself, recording ``(file, line)`` for every dict
and list. It also refuses alias bombs ("billion laughs"): the expansion is
bounded, whatever the aliases say.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_NODES = 200_000
# libyaml's parser when PyYAML has it (ten times faster); the node tree is the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


class Origins:
    """Where each container of a loaded document was written."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[str, int]] = {}
        self._keep: list[Any] = []  # keeps ids stable while the origins are in use

    def set(self, obj: Any, file: str, line: int) -> None:
        self._by_id[id(obj)] = (file, line)
        self._keep.append(obj)

    def get(self, obj: Any) -> tuple[str, int] | None:
        return self._by_id.get(id(obj))

    def key_line(self, obj: Any, key: str) -> int | None:
        return self._by_id.get((id(obj), key))  # type: ignore[arg-type]

    def set_key(self, obj: Any, key: str, line: int) -> None:
        self._by_id[(id(obj), key)] = line  # type: ignore[index]


def load_yaml(path: Path, origins: Origins, display: str | None = None) -> Any:
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise YamlError(name, None, "file not found") from None
    except UnicodeDecodeError:
        raise YamlError(name, None, "not UTF-8 text") from None
    except OSError as e:
        raise YamlError(name, None, e.strerror or str(e)) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(name, line, f"invalid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise YamlError(name, None, f"invalid YAML: {e}") from None
    if node is None:
        return None
    budget = [MAX_NODES]
    return _build(node, name, origins, budget)


def _build(node: yaml.Node, name: str, origins: Origins, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlError(name, node.start_mark.line + 1, "document too large (alias expansion?)")
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        origins.set(out, name, line)
        for k_node, v_node in node.value:
            if k_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError(
                    name, k_node.start_mark.line + 1, "merge keys (<<) are not supported"
                )
            key = _build(k_node, name, origins, budget)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise YamlError(name, k_node.start_mark.line + 1, f"{key}: duplicate key")
            out[key] = _build(v_node, name, origins, budget)
            origins.set_key(out, key, k_node.start_mark.line + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        origins.set(items, name, line)
        for v in node.value:
            items.append(_build(v, name, origins, budget))
        return items
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
        return node.value  # yes / no are words in a rubric (kp_met: yes), not booleans
    try:
        return _SCALARS.construct_object(node, deep=True)
    except yaml.YAMLError as e:
        raise YamlError(name, line, f"invalid value: {e}") from None


_SCALARS = yaml.SafeLoader("")

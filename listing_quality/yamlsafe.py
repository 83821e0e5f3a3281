"""Safe YAML that remembers where every key was written.

Rubric errors must name the file, the line and the key, and `yaml.safe_load` forgets
lines. So we compose the node tree with PyYAML's *safe* loader, record the line of every
mapping key and sequence item, refuse anchors/aliases (the "billion laughs" bomb and merge
keys both need them, and a rubric never does), then construct plain Python data with the
same safe constructor `yaml.safe_load` uses — no Python object tags can ever be built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path_ = tuple[Any, ...]
MAX_YAML_BYTES = 2_000_000
# A rubric nests a handful of levels; PyYAML composes recursively, so thousands of "["
# would otherwise end in a RecursionError instead of an error naming the file.
MAX_DEPTH = 32


class YamlError(ValueError):
    """A file that is not safe, well-formed YAML; the message names file and line."""


@dataclass(frozen=True)
class LocatedYaml:
    data: Any
    lines: dict[Path_, int]
    file: str

    def line(self, path: Path_) -> int | None:
        """Line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load_located(text: str, file: str) -> LocatedYaml:
    if len(text) > MAX_YAML_BYTES:
        raise YamlError(f"{file}: file is larger than {MAX_YAML_BYTES} bytes")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LocatedYaml({}, {(): 1}, file)
        lines: dict[Path_, int] = {(): node.start_mark.line + 1}
        _walk(node, (), lines, set(), file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}" if mark else file
        raise YamlError(f"{where}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{file}: {exc}") from None
    except YamlError:
        raise
    except RecursionError:
        raise YamlError(f"{file}: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise YamlError(f"{file}: {exc}") from None
    finally:
        loader.dispose()
    return LocatedYaml(data, lines, file)


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int],
          file: str) -> None:
    if len(path) > MAX_DEPTH:
        raise YamlError(f"{file}:{node.start_mark.line + 1}: nested deeper than {MAX_DEPTH} "
                        "levels")
    if id(node) in seen or getattr(node, "anchor", None):
        raise YamlError(f"{file}:{node.start_mark.line + 1}: anchors and aliases are not "
                        "allowed in rubric files")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == "<<":
                raise YamlError(f"{file}:{key_node.start_mark.line + 1}: merge keys ('<<') "
                                "are not allowed in rubric files")
            child = (*path, key_node.value)
            lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, lines, seen, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _walk(item, (*path, i), lines, seen, file)

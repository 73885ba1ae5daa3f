"""Number encoding and JSON writing of the reference format (see shared/reference/README.md)."""
from __future__ import annotations

import json
import math
from typing import Any, Iterable, Optional


def number(x: Any) -> Any:
    """float64 -> JSON value: NaN/None -> null, +-inf -> "Infinity"/"-Infinity", else the float."""
    if x is None:
        return None
    f = float(x)
    if math.isnan(f):
        return None
    if math.isinf(f):
        return "Infinity" if f > 0 else "-Infinity"
    return f


def numbers(values: Iterable[Any]) -> list:
    return [number(v) for v in values]


def volume(x: Any) -> Any:
    """Volumes that are whole numbers are written as JSON integers (same double)."""
    v = number(x)
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 and math.copysign(1.0, v) > 0:
        return int(v)
    return v


def dumps(obj: Any) -> str:
    """Compact JSON; floats keep Python's shortest round-trip repr (-0.0 stays -0.0)."""
    return json.dumps(obj, separators=(",", ":"), allow_nan=False, ensure_ascii=True)


def write_lines_file(path: str, header: dict, list_key: str, items: list) -> int:
    """Write `header` with `list_key` holding `items`, one item per line (as the shared files)."""
    head = dumps(header)
    assert head.endswith("}")
    parts = [head[:-1] + ',"' + list_key + '":[\n']
    parts.append(",\n".join(dumps(item) for item in items))
    parts.append("\n]}\n" if items else "]}\n")
    text = "".join(parts)
    with open(path, "w", encoding="ascii") as fh:
        fh.write(text)
    return len(text.encode("ascii"))


def write_compact(path: str, obj: Any) -> int:
    text = dumps(obj)
    with open(path, "w", encoding="ascii") as fh:
        fh.write(text)
    return len(text.encode("ascii"))


def optional_ms(ts: Optional[int]) -> Optional[int]:
    return None if ts is None else int(ts)

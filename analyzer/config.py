"""The project configuration: ``.visit-analyzer.yaml`` or ``[tool.visit-analyzer]`` in pyproject.toml.

Found by walking up from the working folder (the nearest wins; ``--config``
overrides). Every key is checked: an unknown key or a wrong type is an error
naming the file and key, never silently ignored. Each value remembers where it
came from, for ``visit-analyzer config``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .yamlsource import Origins, YamlError, load_yaml

CONFIG_NAMES = (".visit-analyzer.yaml", ".visit-analyzer.yml")
STATUS_RANK = {"missing": 0, "partial": 1, "met": 2}
COLUMN_KEYS = ("text", "rep", "customer", "date", "sheet", "encoding")


class ConfigError(Exception):
    """A configuration that cannot be used; ``str()`` names the file and key."""


@dataclass
class Setting:
    value: Any
    source: str  # "default", a file (and line), or "--option"


@dataclass
class Config:
    file: Path | None = None
    settings: dict[str, Setting] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        s = self.settings.get(key)
        return s.value if s is not None else default

    def set(self, key: str, value: Any, source: str) -> None:
        self.settings[key] = Setting(value, source)

    @property
    def base(self) -> Path:
        return self.file.parent if self.file else Path.cwd()


DEFAULTS: dict[str, Any] = {
    "rubric": "default",
    "fail-under": None,  # None: the rubric's pass_score
    "require": {},
    "include": [],
    "exclude": [],
    "columns": {},
    "user-dictionary": [],
}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file at or above ``start``: a YAML file, or a pyproject.toml with our table."""
    folder = (start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        pp = d / "pyproject.toml"
        if pp.is_file() and _has_tool_table(pp):
            return pp
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "visit-analyzer" in data.get("tool", {})


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    cfg = Config()
    for k, v in DEFAULTS.items():
        cfg.set(k, v, "default")
    path = Path(explicit) if explicit else find_config(start)
    if path is None:
        return cfg
    if explicit and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    cfg.file = path.resolve()
    raw, lines = _read(path)
    for key, value in raw.items():
        where = f"{path}:{lines.get(key)}" if lines.get(key) else str(path)
        if key not in DEFAULTS:
            raise ConfigError(f"{where}: {key}: unknown key (known: {', '.join(DEFAULTS)})")
        cfg.set(key, _check(key, value, where), where)
    return cfg


def _read(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{path}: invalid TOML: {e}") from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: cannot read: {e}") from None
        table = data.get("tool", {}).get("visit-analyzer", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.visit-analyzer] must be a table")
        return table, _toml_lines(path, table)
    origins = Origins()
    try:
        data = load_yaml(path, origins, str(path))
    except YamlError as e:
        raise ConfigError(str(e)) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of keys")
    return data, {k: origins.key_line(data, k) for k in data}


def _toml_lines(path: Path, table: dict) -> dict[str, int]:
    lines: dict[str, int] = {}
    inside = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            inside = s.startswith("[tool.visit-analyzer")
            continue
        if inside and "=" in s:
            key = s.split("=", 1)[0].strip().strip('"')
            if key in table:
                lines.setdefault(key, n)
    return lines


def _check(key: str, value: Any, where: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: expected {expected}, got {value!r}")

    if key == "rubric":
        if not isinstance(value, str) or not value:
            raise bad("a rubric name or path")
        return value
    if key == "fail-under":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise bad("a number from 0 to 100")
        return value
    if key == "require":
        if not isinstance(value, dict):
            raise bad("a mapping of criterion: met|partial")
        for cid, status in value.items():
            if status not in ("met", "partial"):
                raise ConfigError(
                    f"{where}: require.{cid}: expected met or partial, got {status!r}"
                )
        return dict(value)
    if key in ("include", "exclude", "user-dictionary"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise bad("a list of strings")
        return list(value)
    if key == "columns":
        if not isinstance(value, dict):
            raise bad(f"a mapping with keys {', '.join(COLUMN_KEYS)}")
        for k, v in value.items():
            if k not in COLUMN_KEYS:
                raise ConfigError(
                    f"{where}: columns.{k}: unknown key (known: {', '.join(COLUMN_KEYS)})"
                )
            if not isinstance(v, str):
                raise ConfigError(f"{where}: columns.{k}: expected a column name, got {v!r}")
        return dict(value)
    raise bad("a known key")  # pragma: no cover


def user_words(cfg: Config) -> list[str]:
    """Words from ``user-dictionary``: inline words, or files of one word per line (relative to the config)."""
    words: list[str] = []
    for entry in cfg.get("user-dictionary", []):
        p = cfg.base / entry
        if entry.endswith((".txt", ".dict")) or p.is_file():
            try:
                text = p.read_text(encoding="utf-8-sig")
            except OSError as e:
                raise ConfigError(
                    f"{cfg.file}: user-dictionary: cannot read {p} ({e.strerror or e})"
                ) from None
            words += [
                line.split()[0]
                for line in text.splitlines()
                if line.strip() and not line.startswith("#")
            ]
        else:
            words.append(entry)
    return words

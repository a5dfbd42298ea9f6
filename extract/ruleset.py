"""Rule sets kept as data: loaded from ``extract/rules/<kind>.v<N>.yaml`` and validated once.

A rule set is named ``<kind>.v<N>`` (``officials.v1``).  A revised set is added as a new
file beside the old one; old versions stay loadable so stored records can always be
traced to the rules that produced them.  Every record says ``ruleset`` and ``rule``.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RULES_DIR = Path(__file__).parent / "rules"
_NAME = re.compile(r"^(?P<kind>[a-z_]+)\.v(?P<version>\d+)$")


class RuleSetError(ValueError):
    """A rule file that cannot be used; the message names the file and the fault."""


class PatternRule(BaseModel):
    """One pattern: a spaCy token pattern or a regular expression, never both."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str | None = None
    pattern: list[dict[str, Any]] | None = None
    regex: str | None = None
    confidence: float = Field(default=0.8, ge=0, le=1)
    note: str | None = None

    @model_validator(mode="after")
    def _one_engine(self) -> PatternRule:
        if (self.pattern is None) == (self.regex is None):
            raise ValueError(f"rule {self.id!r} needs exactly one of 'pattern' or 'regex'")
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as exc:
                raise ValueError(f"rule {self.id!r}: bad regex: {exc}") from exc
        return self


class RuleSet(BaseModel):
    """Lexicons and patterns of one record kind, in one version."""

    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    name: str
    description: str = ""
    lexicons: dict[str, list[str]] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)
    patterns: list[PatternRule] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _versioned(cls, name: str) -> str:
        if not _NAME.match(name):
            raise ValueError(f"rule-set name {name!r} must look like 'kind.vN'")
        return name

    @model_validator(mode="after")
    def _unique_ids(self) -> RuleSet:
        seen: set[str] = set()
        for rule in self.patterns:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return self

    @property
    def kind(self) -> str:
        return self.name.split(".")[0]

    def lexicon(self, name: str) -> list[str]:
        try:
            return self.lexicons[name]
        except KeyError:
            raise RuleSetError(f"rule set {self.name} has no lexicon {name!r}") from None

    @cached_property
    def compiled(self) -> dict[str, re.Pattern[str]]:
        """Regex rules compiled once, by rule id."""
        return {r.id: re.compile(r.regex) for r in self.patterns if r.regex is not None}

    def rule(self, rule_id: str) -> PatternRule:
        for rule in self.patterns:
            if rule.id == rule_id:
                return rule
        raise RuleSetError(f"rule set {self.name} has no rule {rule_id!r}")


def available(kind: str | None = None, rules_dir: Path = RULES_DIR) -> list[str]:
    """Names of the rule sets on disk, oldest version first."""
    names = []
    for path in rules_dir.glob("*.v*.yaml"):
        m = _NAME.match(path.name.removesuffix(".yaml"))
        if m and (kind is None or m["kind"] == kind):
            names.append((m["kind"], int(m["version"]), m.group(0)))
    return [n for _, _, n in sorted(names)]


def latest(kind: str, rules_dir: Path = RULES_DIR) -> str:
    """The newest rule-set name of a kind: what extraction uses unless told otherwise."""
    names = available(kind, rules_dir)
    if not names:
        raise RuleSetError(f"no rule set for {kind!r} in {rules_dir}")
    return names[-1]


@cache
def load(name: str, rules_dir: Path = RULES_DIR) -> RuleSet:
    """Load and validate a rule set by name (``figures.v1``); cached per process."""
    path = rules_dir / f"{name}.yaml"
    if not path.is_file():
        raise RuleSetError(f"rule set {name!r} not found (looked for {path})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ruleset = RuleSet.model_validate(data)
    except (yaml.YAMLError, ValueError) as exc:
        raise RuleSetError(f"{path}: {exc}") from exc
    if ruleset.name != name:
        raise RuleSetError(f"{path}: declares name {ruleset.name!r}, expected {name!r}")
    return ruleset

"""Named patterns: the cue words, markers and filters of the attachment stages, each with an id,
a description, a verbose commented regex, examples it must find and counter-examples it must
not, compiled once. Every example and counter-example is a test case (tests/test_patterns.py).

    TARGET_MARKER = named("status.target_marker", "a plan word …", r\"\"\" … \"\"\",
                          examples=["力争实现…"], counter_examples=["千人计划…"])

The figure rules (number + unit shapes) are lib/figures/rules.py; this is for the words around
them. A module registers its patterns when it is imported; `REGISTRY` holds them all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NamedPattern:
    id: str
    description: str
    regex: str                                            # verbose: whitespace and # comments ignored
    examples: tuple = ()                                  # texts the pattern must find (re.search)
    counter_examples: tuple = ()                          # texts it must not find
    compiled: re.Pattern = field(default=None, compare=False, repr=False)


REGISTRY: dict[str, NamedPattern] = {}


def named(id: str, description: str, regex: str, examples=(), counter_examples=(), flags: int = 0) -> re.Pattern:
    """Register a pattern and return it compiled (re.VERBOSE | flags). An id used twice is an error."""
    if id in REGISTRY:
        raise ValueError(f"pattern {id!r} is defined twice")
    if not examples:
        raise ValueError(f"pattern {id!r} has no example")
    compiled = re.compile(regex, re.VERBOSE | flags)
    REGISTRY[id] = NamedPattern(id, description, regex, tuple(examples), tuple(counter_examples), compiled)
    return compiled

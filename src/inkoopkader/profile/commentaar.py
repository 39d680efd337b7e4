"""ruamel.yaml's round-trip tree, edited without losing the inkoper's comments and blank lines.

ruamel keeps the comment lines *between* two entries on the last scalar of the first entry. An entry
inserted after it would land below those lines, separating a user's comment from the entry it was
written above. `_insert` therefore moves those lines onto the new entry, so they stay directly
above the entry that followed them. `_vervang_sleutel` replaces a key in place with its comment, and
`_set_scalar` sets or inserts a quoted value.
"""

from __future__ import annotations

from typing import Any


def _vervang_sleutel(node: Any, oud: str, nieuw: list[tuple[str, Any]]) -> None:
    """Replace key `oud` of a round-trip mapping by the new keys, in its place, keeping its comment."""
    keys = list(node.keys())
    positie = keys.index(oud)
    commentaar = node.ca.items.pop(oud, None)
    del node[oud]
    for offset, (key, value) in enumerate(nieuw):
        node.insert(positie + offset, key, value)
    if commentaar is not None and nieuw:
        node.ca.items[nieuw[-1][0]] = commentaar


def _set_scalar(data: Any, key: str, value: str, *, after: str) -> None:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    quoted = DoubleQuotedScalarString(value)
    if key in data:
        data[key] = quoted
        return
    keys = list(data.keys())
    positie = keys.index(after) + 1 if after in keys else 0
    _insert(data, positie, key, quoted)


def _tail_of(container: Any, key: Any) -> tuple[Any, Any]:
    """(container, key) of the last scalar of an entry: where ruamel keeps the lines that follow it."""
    value = container[key]
    if isinstance(value, dict) and len(value):
        return _tail_of(value, list(value.keys())[-1])
    if isinstance(value, list) and len(value):
        return _tail_of(value, len(value) - 1)
    return container, key


def _entry_key(container: Any, position: int) -> Any:
    return list(container.keys())[position] if isinstance(container, dict) else position


def _token_slot(container: Any) -> int:
    return 0 if isinstance(container, list) else 2


def _split_tail(container: Any, position: int) -> str:
    """Remove and return the comment lines after the entry at `position`, keeping its end-of-line comment."""
    holder, key = _tail_of(container, _entry_key(container, position))
    slot = _token_slot(holder)
    items = holder.ca.items
    entry = items.get(key)
    if not entry or len(entry) <= slot or entry[slot] is None:
        return ""
    token = entry[slot]
    value: str = token.value
    if value.startswith("#"):
        head, sep, rest = value.partition("\n")
        eol = head + sep
    else:
        eol, rest = "", value.removeprefix("\n")
    if not rest:
        return ""
    if eol:
        token.value = eol
    else:
        entry[slot] = None
    return rest


def _append_tail(container: Any, position: int, rest: str) -> None:
    """Put comment lines (or blank lines) after the entry at `position`."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    holder, key = _tail_of(container, _entry_key(container, position))
    slot = _token_slot(holder)
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        token.value = (token.value if token.value.endswith("\n") else token.value + "\n") + rest


def _insert(container: Any, position: int, key: Any, value: Any) -> None:
    """Insert an entry into a mapping (`key`) or sequence (`key` None), keeping comments in place."""
    rest = _split_tail(container, position - 1) if position > 0 else ""
    target: Any = container  # a ruamel CommentedMap or CommentedSeq
    if isinstance(container, dict):
        target.insert(position, key, value)
    else:
        target.insert(position, value)
    if rest:
        _append_tail(container, position, rest)

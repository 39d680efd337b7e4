"""Writing output files safely: never overwrite without force, never leave a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InkoopkaderError


def write_atomic(target: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `target` via a temporary file in the same directory and an atomic rename.

    A failure or Ctrl-C leaves any existing file untouched and no partial file behind.
    """
    target = controleer_doel(target, force=force)
    directory = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except PermissionError:
        raise InkoopkaderError(f"Geen schrijfrechten in de map '{directory}'.") from None
    except OSError as exc:
        raise InkoopkaderError(f"In de map '{directory}' kan niet worden geschreven: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes a private (0600) file; the document gets the mode a normal save would give.
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except PermissionError:
        _remove(tmp)
        raise InkoopkaderError(
            f"'{target}' kan niet worden overschreven: het bestand is mogelijk geopend in Word of een "
            "ander programma, of u heeft geen schrijfrechten. Sluit het bestand en probeer opnieuw."
        ) from None
    except OSError as exc:  # disk full, a read-only file system …
        _remove(tmp)
        raise InkoopkaderError(f"'{target}' kon niet worden geschreven: {exc.strerror or exc}.") from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def controleer_doel(target: Path, *, force: bool = False) -> Path:
    """Refuse a target `write_atomic` would refuse, before any work is done for it.

    Raises:
        InkoopkaderError: the file exists (without `force`), is open in Word, is a directory, its
            directory does not exist, or the name is impossible.
    """
    target = Path(target)
    try:
        lock = word_lock_file(target)
        bestaat, is_map = target.exists(), target.is_dir()
    except OSError as exc:  # a name too long for the file system, say
        raise InkoopkaderError(f"'{target}' kan niet worden geschreven: {exc.strerror or exc}.") from None
    if lock is not None:
        raise InkoopkaderError(
            f"'{target}' is geopend in Word (vergrendelingsbestand '{lock.name}'). Sluit het document "
            "en probeer opnieuw, of kies een andere naam met -o."
        )
    if is_map:
        raise InkoopkaderError(f"'{target}' is een map; geef met -o een bestandsnaam op.")
    if bestaat and not force:
        raise InkoopkaderError(f"'{target}' bestaat al. Kies een andere naam met -o of overschrijf met --force.")
    if not target.parent.is_dir():
        raise InkoopkaderError(f"De map '{target.parent}' bestaat niet.")
    return target


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, or 0666 minus the umask for a new one."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def word_lock_file(target: Path) -> Path | None:
    """The owner file Word keeps next to an open document ('~$' + name, first two letters dropped
    when the name is long), or None. Overwriting a document that is open would lose the inkoper's
    unsaved edits or fail halfway on a network share."""
    names = {f"~${target.name}", f"~${target.name[2:]}"} if len(target.name) > 2 else {f"~${target.name}"}
    for name in sorted(names):
        candidate = target.with_name(name)
        if candidate.is_file():
            return candidate
    return None


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

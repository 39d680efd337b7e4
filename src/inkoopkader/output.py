"""Writing output files safely: never overwrite without force, never leave a half-written file."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import InkoopkaderError


class BestaatAl(InkoopkaderError):
    """The target file exists and overwriting was not allowed (`force`)."""

    def __init__(self, pad: Path, toelichting: str = "") -> None:
        self.pad = pad
        self.toelichting = toelichting
        super().__init__(f"'{pad}' bestaat al{toelichting}. Kies een andere naam, of sta overschrijven toe "
                         "(force=True).")


def write_atomic(target: Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `target` via a temporary file in the same directory and an atomic rename.

    A failure or Ctrl-C leaves any existing file untouched and no partial file behind. Without
    `force` the target is created exclusively: the finished temporary file is hard-linked to the
    name, which fails if anything took that name meanwhile (two runs with the same -o never both
    write). With `force` an existing regular file is replaced; a symlink, device, FIFO or socket is
    never replaced or written through, with or without `force`.

    Raises:
        InkoopkaderError: the target exists (without `force`), is not a regular file, is open in
            Word, is a directory, its directory does not exist, or it cannot be written.
    """
    target = controleer_doel(target, force=force)
    directory = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp", dir=directory)
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
        if force:
            _controleer_bestaand(target)  # once more, right before the rename
            os.replace(tmp, target)
        else:
            _maak_exclusief(tmp, target)
    except FileExistsError:
        _remove(tmp)
        raise BestaatAl(target, " (net aangemaakt door een ander proces?)") from None
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


def _maak_exclusief(tmp: str, target: Path) -> None:
    """Give the finished file `tmp` the name `target` only if that name is still free (atomically).

    A hard link fails with FileExistsError when the name exists. Where the file system has no hard
    links, the name is claimed with O_EXCL first and the content renamed over the claim.
    """
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        claim = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(claim)
        try:
            os.replace(tmp, target)
        except BaseException:
            _remove(str(target))
            raise
        return
    _remove(tmp)


def controleer_doel(target: Path, *, force: bool = False) -> Path:
    """Refuse a target `write_atomic` would refuse, before any work is done for it.

    Raises:
        InkoopkaderError: no file name, the file exists (without `force`), is a symlink, device,
            FIFO or socket (also with `force`), is open in Word, is a directory, its directory does
            not exist, or the name is impossible.
    """
    target = Path(target)
    if not str(target) or target.name in ("", ".", ".."):
        raise InkoopkaderError(f"'{target}' is geen bestandsnaam; geef een bestandsnaam op, b.v. eisen.docx.")
    try:
        lock = word_lock_file(target)
        bestaat = os.path.lexists(target)
        is_map = target.is_dir() and not target.is_symlink()
    except OSError as exc:  # a name too long for the file system, say
        raise InkoopkaderError(f"'{target}' kan niet worden geschreven: {exc.strerror or exc}.") from None
    except ValueError:  # a NUL character in the name
        raise InkoopkaderError(f"'{target!r}' is geen geldige bestandsnaam.") from None
    if lock is not None:
        raise InkoopkaderError(
            f"'{target}' is geopend in Word (vergrendelingsbestand '{lock.name}'). Sluit het document "
            "en probeer opnieuw, of kies een andere naam. Is Word niet open, verwijder dan het "
            "vergrendelingsbestand."
        )
    if is_map:
        raise InkoopkaderError(f"'{target}' is een map; geef een bestandsnaam op.")
    if bestaat:
        _controleer_bestaand(target)
        if not force:
            raise BestaatAl(target)
    if not target.parent.is_dir():
        raise InkoopkaderError(f"De map '{target.parent}' bestaat niet.")
    return target


def _controleer_bestaand(target: Path) -> None:
    """Refuse to replace anything but a regular file: a symlink (its target may lie anywhere), a
    device such as /dev/null, a FIFO or a socket."""
    try:
        modus = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InkoopkaderError(f"'{target}' kan niet worden geschreven: {exc.strerror or exc}.") from None
    if stat.S_ISLNK(modus):
        raise InkoopkaderError(
            f"'{target}' is een symbolische koppeling; die wordt nooit overschreven, ook niet als overschrijven "
            "is toegestaan. "
            "Geef de echte bestandsnaam op."
        )
    if not stat.S_ISREG(modus) and not stat.S_ISDIR(modus):
        soort = ("een apparaat" if stat.S_ISCHR(modus) or stat.S_ISBLK(modus)
                 else "een pijp (FIFO)" if stat.S_ISFIFO(modus) else "een socket" if stat.S_ISSOCK(modus)
                 else "geen gewoon bestand")
        raise InkoopkaderError(
            f"'{target}' is {soort}, geen gewoon bestand; dat wordt nooit overschreven, ook niet als overschrijven "
            "is toegestaan."
        )


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

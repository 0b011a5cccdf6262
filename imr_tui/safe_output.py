"""Writing a file the user named (`-o`, `--ics`, a folder of notes) so that it is whole or not there.

Everything goes to an owner-only temporary file beside the target, renamed over it once
complete: a full disk or a crash never leaves half a file under the user's name. A folder,
a device or a pipe is never replaced. Every OS failure becomes one line saying where and why.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _

SQLITE_FULL = 13  # sqlite3's code for "database or disk is full" (a backup onto a full disk)


def check_target(path: Path, option: str = "-o") -> Path:
    """Refuse, before any work is done, a target that cannot or must not be written."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise os_failure(path, error) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise BadInputError(_("{option}: {path} is a folder; give the name of a file").format(option=option, path=path))
    if mode is not None and not stat.S_ISREG(mode):
        raise BadInputError(_("{option}: {path} is not an ordinary file (a device or a pipe); give the name of a file").format(option=option, path=path))
    folder = path.parent
    if not folder.is_dir():
        raise BadInputError(_("{option}: the folder {folder} does not exist; create it first or choose another path").format(option=option, folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            raise os_failure(path, OSError(errno.EROFS, os.strerror(errno.EROFS)))
        raise UserError(_("{path}: no permission to write in {folder}").format(path=path, folder=folder))
    return path


@contextmanager
def replacing(path: Path, option: str = "-o") -> Iterator[Path]:
    """A private temporary file beside `path` to fill; it replaces `path` when the block ends, or is removed."""
    check_target(path, option)
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:80]}.", suffix=".part")  # created 0600
        os.close(handle)
    except OSError as error:
        raise os_failure(path, error) from None
    temporary = Path(name)
    try:
        yield temporary
        _sync(temporary)
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) or _disk_full(error):
            raise os_failure(path, error) from None
        raise


def write_private(path: Path, data: bytes, option: str = "-o") -> Path:
    """`data` as `path`, owner-only (0600), in one step."""
    with replacing(path, option) as temporary, temporary.open("wb") as file:
        file.write(data)
    return path


def write_with(path: Path, writer: Callable[[Path], object], option: str = "-o") -> Path:
    """`writer(temporary)` fills the file (e.g. SQLite's backup); `path` appears only when it is complete."""
    with replacing(path, option) as temporary:
        writer(temporary)
    return path


def os_failure(path: Path, error: BaseException) -> UserError:
    """One line for what went wrong writing `path`, and what to do."""
    code = getattr(error, "errno", None)
    folder = path.parent
    if code == errno.ENOSPC or code == errno.EDQUOT or _disk_full(error):
        return UserError(_("{path}: the disk is full; nothing was written; free some space or choose another place").format(path=path))
    if code == errno.EROFS:
        return UserError(_("{path}: the folder {folder} is read-only; choose another place").format(path=path, folder=folder))
    if code in (errno.EACCES, errno.EPERM):
        return UserError(_("{path}: no permission to write in {folder}").format(path=path, folder=folder))
    if code == errno.ENOENT:
        return BadInputError(_("the folder {folder} does not exist; create it first or choose another path").format(folder=folder))
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return UserError(_("{path}: cannot write the file: {reason}").format(path=path, reason=reason))


def _disk_full(error: BaseException) -> bool:
    return getattr(error, "sqlite_errorcode", None) == SQLITE_FULL


def _sync(path: Path) -> None:
    # On disk before the rename, so a power cut leaves the old file or the whole new one.
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

"""Reading a small file the user pointed at (settings, a curriculum), refusing anything else at once.

A device such as /dev/zero, a pipe or a huge file would otherwise be read without end.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _

DATA_FILE_LIMIT = 1024 * 1024  # the shipped curriculum is 43 kB; a service's own copy stays far below this


def read_data_file(path: Path, limit: int = DATA_FILE_LIMIT) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; an OSError (with a reason a user can read) otherwise."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the start
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, _("it is not an ordinary file (a device or a pipe)"), str(path))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise OSError(errno.EFBIG, _("it is larger than {limit} bytes, too large for this kind of file").format(limit=limit), str(path))
    return data


def read_small_text(path: Path, limit: int, variable: str | None = None) -> str:
    """The UTF-8 text of `path`; one clear line when it is missing, not a regular file, or over `limit` bytes."""
    try:
        data = read_data_file(path, limit)
    except FileNotFoundError:
        where = f"{variable}: " if variable else ""
        raise BadInputError(_("{where}{path}: the file does not exist").format(where=where, path=path)) from None
    except OSError as error:
        bad_input = error.errno in (errno.EISDIR, errno.EINVAL, errno.EFBIG)
        failure = BadInputError if bad_input else UserError
        raise failure(_("{path}: the file cannot be read: {reason}").format(path=path, reason=error.strerror or error)) from None
    return data.decode("utf-8")

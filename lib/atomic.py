"""Files written whole or not at all: to a hidden temporary file beside the target, flushed to
disk, then renamed onto it (os.replace is atomic). A reader sees the old file or the new one,
never a cut one; a killed write leaves at most a hidden temporary file.

    write_atomically(path, b"bytes")                        # bytes
    write_atomically(path, lambda tmp: pq.write_table(t, tmp))   # or a writer given the temp path
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Union

Content = Union[bytes, Callable[[str], None]]


def write_atomically(path: str | Path, content: Content, prefix: str = ".") -> None:
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=prefix + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(content, bytes):
                f.write(content)
        if not isinstance(content, bytes):
            content(temp)   # a library writing to a path (Parquet)
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())   # on disk before the rename makes it visible
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise

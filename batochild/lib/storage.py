"""File storage that never leaves a half-written file under a real name.

A PDF is written to a hidden temporary file in the same folder, flushed to disk,
and renamed into place (atomic on POSIX). A worker killed mid-write leaves at
most a ".part-…" file that nothing refers to, never a truncated PDF a user could
download.
"""

import os
import tempfile
from contextlib import suppress

from django.core.files.storage import FileSystemStorage


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, full_path)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        return str(name).replace("\\", "/")

"""Every error marsad raises on purpose, one tree under `MarsadError`:

    MarsadError                 exit 2, HTTP 500
    ├── UsageError              exit 2, HTTP 400   bad option, unknown setting, bad query
    ├── InputError              exit 1, HTTP 422   one input (file, line, URL) cannot be read
    │   └── DecodeError                            bytes that are no known text encoding
    ├── StoreError              exit 3, HTTP 500   the database cannot be opened or written
    └── PipelineError           exit 2, HTTP 500   stages whose order cannot satisfy `requires`

The CLI turns a MarsadError into its message and `exit_code`; the API into `http_status`.
Third-party exceptions are translated where marsad calls the library, with `raise ... from`.
"""

from __future__ import annotations


class MarsadError(Exception):
    exit_code = 2
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(MarsadError):
    exit_code = 2
    http_status = 400


class InputError(MarsadError):
    """One input cannot be read; `name` is the file, line or URL it came from."""

    exit_code = 1
    http_status = 422

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class DecodeError(InputError):
    pass


class StoreError(MarsadError):
    exit_code = 3


class PipelineError(MarsadError):
    pass

"""The newsflow exception tree.

::

    NewsflowError                 root: catch this to catch everything of ours
    ├── ConfigError               bad settings or feeds file; fail at start
    ├── TransientError            retry later: the same input may succeed (timeouts, 5xx, DB down)
    └── PermanentError            this input will never succeed: dead-letter it and move on
        ├── FetchRefused          the URL is not allowed (scheme, address, size, content type)
        ├── FetchFailed           the server answered, but not with a usable page (4xx, bad body)
        ├── InvalidMessage        a message that does not decode or validate against its schema
        └── Rejected              a stage declined the input, with a reason (e.g. no main text)

Programmer errors (``TypeError``, ``AssertionError``, ...) are not part of the
tree: runners treat any unknown exception as permanent for the one message,
log it with a traceback, and dead-letter the message rather than crash.
"""


class NewsflowError(Exception):
    """Root of all newsflow errors; ``reason`` is a short machine-readable label."""

    reason: str = "error"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class ConfigError(NewsflowError):
    """Settings or the feeds file are invalid; raised at start, names the file and field."""


class TransientError(NewsflowError):
    """A failure that may pass: retry the same input later."""

    reason = "transient"


class PermanentError(NewsflowError):
    """A failure that will repeat for this input: dead-letter it."""

    reason = "permanent"


class FetchRefused(PermanentError):
    """The fetcher will not request this URL (scheme, address, size cap, content type)."""

    reason = "refused"


class FetchFailed(PermanentError):
    """The server answered but gave no usable page (4xx, broken body, redirect loop)."""

    reason = "fetch_failed"


class InvalidMessage(PermanentError):
    """A message that does not decode or validate against its topic's schema."""

    reason = "invalid_message"


class Rejected(PermanentError):
    """A stage declined the input on purpose, with a machine-readable reason."""

    reason = "rejected"

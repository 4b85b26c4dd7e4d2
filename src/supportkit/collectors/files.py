"""Attaches the files the reporter chose (a config, a document that fails to open, ...)."""

from __future__ import annotations

from supportkit.collectors._base import CaptureContext, Section
from supportkit.collectors._files import attach_files
from supportkit.exceptions import CollectorUnavailable

__all__ = ["FilesCollector"]


class FilesCollector:
    """One attachment per file, each up to ``ctx.attachment_bytes``.

    A text file over the limit keeps its tail, where output and dumps end with the error.
    A binary file over the limit is left out with a note, because part of an archive or
    image is unreadable. These files were chosen on purpose, so they are not optional: the
    bundle budget drops logs and other optional attachments first.
    """

    name = "files"

    def collect(self, ctx: CaptureContext) -> Section:
        """Reference each file; the bundle writer copies it."""
        if not ctx.attachment_paths:
            msg = "no files given"
            raise CollectorUnavailable(msg)
        return attach_files(
            ctx.attachment_paths,
            kind="file",
            limit=ctx.attachment_bytes,
            allow_binary=ctx.allow_binary,
            optional=False,
        )

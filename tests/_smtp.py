"""A real SMTP server (aiosmtpd) for tests, on a free port."""

from __future__ import annotations

from aiosmtpd.controller import Controller


class FreePortController(Controller):
    """An aiosmtpd controller that binds port 0 and then learns which port it got."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()

"""One window per database on this computer: a second start brings the first window forward.

The first copy listens on a local socket named after the user and the database; a second copy that
reaches it asks it to show itself and then quits. (Across computers on a shared folder, the store's
instance lock names who has the data open instead.)
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
TIMEOUT_MS = 1000
# On Windows the socket is a named pipe without a buffer (Qt's BUFSIZE 0): the write completes only when
# the first copy reads it, which a busy first copy may take seconds to do; closing earlier drops it.
WRITE_TIMEOUT_MS = 10_000


def server_name(database: str) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name on this system: the database alone still separates copies
        user = ""
    digest = hashlib.sha1(f"{user}|{database}".encode()).hexdigest()[:16]
    return f"DisclosureDesk-{digest}"


def ask_running_copy_to_activate(name: str) -> bool:
    """True when another copy is listening and took the request."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(WRITE_TIMEOUT_MS)
    delivered = socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    return delivered


class SingleInstance(QObject):
    """Listens for later copies; emits `activationRequested` when one asks."""

    activationRequested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # a copy that crashed can leave its socket file behind (Unix): remove it and try once more
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # a one-line request: read it when it arrives, then let Qt dispose of the socket
            socket.readyRead.connect(self._on_ready)
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activationRequested.emit()

"""The one way screens reach the store.

Every read and write a screen makes is a `StoreRequest` handed to the `StoreGateway`, which
runs them one after another, in the order they were made, on a database thread of its own.
The answer comes back to the screen that asked as a message (`StoreAnswered`, `StoreFailed`),
so the UI thread never waits for a disk or a network. A write that cannot be made now (SQLite
locked by another program, the PostgreSQL server gone) stays first in the queue, is shown as not
yet saved and is tried again until it lands.

Importing this package imports neither SQLAlchemy nor the store.
"""

from imr_tui.gateway.gateway import StoreGateway
from imr_tui.gateway.messages import StoreAnswered, StoreFailed, StoreQueueChanged
from imr_tui.gateway.request import Kind, StoreRequest

__all__ = ["Kind", "StoreAnswered", "StoreFailed", "StoreGateway", "StoreQueueChanged", "StoreRequest"]

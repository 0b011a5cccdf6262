"""A demo database with fictional people, for trying the app and for screenshots."""

from imr_tui.store.demo.builder import build_demo

__all__ = ["build_demo"]

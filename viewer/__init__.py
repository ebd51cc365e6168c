"""Offline viewer for Chinese policy reports."""

__version__ = "0.1.0"

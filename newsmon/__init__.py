"""newsmon: a scheduled news monitor (CLI, settings, errors, the HTTP chokepoint, alerts, demo)."""

__version__ = "0.1.0"

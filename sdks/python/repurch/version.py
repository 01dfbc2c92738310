"""This SDK's version, sent in the User-Agent (a unit test keeps it equal to pyproject.toml's)."""

VERSION = "0.1.0"

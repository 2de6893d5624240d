"""Renderers: each turns a Report into an object or a string. Only the CLI prints."""
